package org.adjoint.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On local[1] (one task slot: partitions run one after the other) the passes are the same bits as on
 * local[2], because both are the bits of the same ordered sum of the same blocks' partials.
 */
class OneTaskSlotTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[1]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void oneTaskSlotGivesTheSameBitsAsTheOrderedLocalSum() {
        Agreement.check(spark);
    }
}
