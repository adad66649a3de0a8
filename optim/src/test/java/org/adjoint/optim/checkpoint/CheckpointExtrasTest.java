package org.adjoint.optim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointExtrasTest {

    @TempDir
    Path dir;

    @Test
    void extrasComeBackAsTheyWereSavedAndOldFilesHaveNone() throws IOException {
        Optimizer optimizer = Optimizer.of(new Adam(1e-3));
        NamedTensors params = NamedTensors.of(Map.of("w", Tensor.vector(1, 2)));
        Path file = dir.resolve("extras.npz");
        Gen<Tensor> tensors = TensorGens.tensors(TensorGens.shapesOfRank(0, 2, 3), Gen.doubles(-1e300, 1e300));
        Property.forAll(tensors, tensors).check((a, b) -> {
            Map<String, Tensor> extras = Map.of("history/stepLosses", a, "best/w", b, "empty", Tensor.of(Shape.of(0), new double[0]));
            Checkpoint.save(file, optimizer, params, optimizer.init(params), Map.of("epoch", 1.0), extras);
            assertEquals(extras, Checkpoint.load(file, optimizer, params).extras());
        });
        Checkpoint.save(file, optimizer, params, optimizer.init(params), Map.of("epoch", 1.0));
        assertEquals(Map.of(), Checkpoint.load(file, optimizer, params).extras());
    }
}
