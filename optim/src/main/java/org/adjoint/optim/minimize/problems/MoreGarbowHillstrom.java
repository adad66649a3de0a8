package org.adjoint.optim.minimize.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The unconstrained test problems of Moré, Garbow and Hillstrom, "Testing unconstrained optimization
 * software", ACM TOMS 7(1):17–41, 1981: problems 1–18 at the paper's sizes, and the variable-dimension
 * problems 21–35 at {@link #DEFAULT_N} variables (extended Powell at 12, a multiple of 4), the linear
 * functions 32–34 with {@link #LINEAR_M} residuals. Problems 19 (Osborne 2) and 20 (Watson) are not
 * included. Every problem is built afresh on each call.
 */
public final class MoreGarbowHillstrom {

    /** The size of the variable-dimension problems in {@link #all()}: 10, at which MGH give f* for 23, 24 and 35. */
    public static final int DEFAULT_N = 10;
    /** The number of residuals of the linear functions 32–34 in {@link #all()}. */
    public static final int LINEAR_M = 20;

    private MoreGarbowHillstrom() {
    }

    /** The problems 1–18 and 21–35, in the paper's order. */
    public static List<TestProblem> all() {
        List<TestProblem> problems = new ArrayList<>();
        IntStream.rangeClosed(1, 18).forEach(k -> problems.add(problem(k)));
        IntStream.rangeClosed(21, 35).forEach(k -> problems.add(problem(k)));
        return problems;
    }

    /**
     * Problem {@code number} of the paper, variable-dimension ones at {@link #DEFAULT_N} variables
     * (extended Powell at 12).
     *
     * @throws IllegalArgumentException if the number is not 1–18 or 21–35
     */
    public static TestProblem problem(int number) {
        if (number < 21 || number > 35) {
            return fixed(number);
        }
        return problem(number, number == 22 ? 12 : DEFAULT_N);
    }

    /**
     * The variable-dimension problem {@code number} (21–35) with {@code n} variables; the linear
     * functions 32–34 get max(n, {@link #LINEAR_M}) residuals.
     *
     * @throws IllegalArgumentException if the number is not 21–35, or n does not suit the problem (odd
     *                                  for 21, not a multiple of 4 for 22, a size without a known f*
     *                                  for 23, 24 and 35)
     */
    public static TestProblem problem(int number, int n) {
        int m = Math.max(n, LINEAR_M);
        return switch (number) {
            case 21 -> VariableDimensionProblems.extendedRosenbrock(n);
            case 22 -> VariableDimensionProblems.extendedPowell(n);
            case 23 -> VariableDimensionProblems.penalty1(n);
            case 24 -> VariableDimensionProblems.penalty2(n);
            case 25 -> VariableDimensionProblems.variablyDimensioned(n);
            case 26 -> VariableDimensionProblems.trigonometric(n);
            case 27 -> VariableDimensionProblems.brownAlmostLinear(n);
            case 28 -> VariableDimensionProblems.discreteBoundaryValue(n);
            case 29 -> BandedAndLinearProblems.discreteIntegralEquation(n);
            case 30 -> BandedAndLinearProblems.broydenTridiagonal(n);
            case 31 -> BandedAndLinearProblems.broydenBanded(n);
            case 32 -> BandedAndLinearProblems.linearFullRank(n, m);
            case 33 -> BandedAndLinearProblems.linearRank1(n, m);
            case 34 -> BandedAndLinearProblems.linearRank1ZeroColumnsAndRows(n, m);
            case 35 -> BandedAndLinearProblems.chebyquad(n);
            default -> throw new IllegalArgumentException("MoreGarbowHillstrom: problem " + number
                    + " has no variable dimension here; the variable-dimension problems are 21-35");
        };
    }

    private static TestProblem fixed(int number) {
        return switch (number) {
            case 1 -> SmallProblems.rosenbrock();
            case 2 -> SmallProblems.freudensteinRoth();
            case 3 -> SmallProblems.powellBadlyScaled();
            case 4 -> SmallProblems.brownBadlyScaled();
            case 5 -> SmallProblems.beale();
            case 6 -> SmallProblems.jennrichSampson();
            case 7 -> SmallProblems.helicalValley();
            case 8 -> SmallProblems.bard();
            case 9 -> SmallProblems.gaussian();
            case 10 -> MediumProblems.meyer();
            case 11 -> MediumProblems.gulf();
            case 12 -> MediumProblems.box();
            case 13 -> MediumProblems.powellSingular();
            case 14 -> MediumProblems.wood();
            case 15 -> MediumProblems.kowalikOsborne();
            case 16 -> MediumProblems.brownDennis();
            case 17 -> MediumProblems.osborne1();
            case 18 -> MediumProblems.biggsExp6();
            default -> throw new IllegalArgumentException("MoreGarbowHillstrom: there is no problem " + number
                    + " here; the problems are 1-18 and 21-35");
        };
    }
}
