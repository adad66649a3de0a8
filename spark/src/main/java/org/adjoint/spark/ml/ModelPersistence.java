package org.adjoint.spark.ml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.adjoint.core.NamedTensors;
import org.adjoint.nn.io.ParameterFile;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Spark ML persistence of an {@link AdjointModel}, so that a {@code PipelineModel} holding one saves and
 * loads: under the stage's directory, Spark's {@code metadata} (class, uid, params), the fitted
 * parameters as the library's {@code parameters.npz}, and the {@link LayerFactory} and {@link Loss} as
 * Java serialization in {@code model.ser} (so the factory's class must be on the class path when loading).
 * Paths may be on any Hadoop file system.
 */
final class ModelPersistence {

    static final String PARAMETERS = "parameters.npz";
    static final String MODEL = "model.ser";

    private ModelPersistence() {
    }

    /** Writes a model. */
    static final class Writer extends MLWriter {
        private final AdjointModel model;

        Writer(AdjointModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
            try {
                java.nio.file.Path local = Files.createTempFile("adjoint-model", ".npz");
                try {
                    ParameterFile.save(local, model.parameters());
                    fs(path, sparkSession()).copyFromLocalFile(new Path(local.toUri()), new Path(path, PARAMETERS));
                } finally {
                    Files.deleteIfExists(local);
                }
                try (OutputStream out = fs(path, sparkSession()).create(new Path(path, MODEL));
                     ObjectOutputStream objects = new ObjectOutputStream(out)) {
                    objects.writeObject(model.factory());
                    objects.writeObject(model.loss());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("AdjointModel.write: cannot save to " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads a model written by {@link Writer}. */
    static final class Reader extends MLReader<AdjointModel> {

        @Override
        public AdjointModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                    AdjointModel.class.getName());
            try {
                LayerFactory factory;
                Loss loss;
                try (InputStream in = fs(path, sparkSession()).open(new Path(path, MODEL));
                     ObjectInputStream objects = new ContextObjectInputStream(in.readAllBytes())) {
                    factory = (LayerFactory) objects.readObject();
                    loss = (Loss) objects.readObject();
                }
                java.nio.file.Path local = Files.createTempFile("adjoint-model", ".npz");
                NamedTensors params;
                try {
                    fs(path, sparkSession()).copyToLocalFile(new Path(path, PARAMETERS), new Path(local.toUri()));
                    params = ParameterFile.load(local, factory.create().initialize(0));
                } finally {
                    Files.deleteIfExists(local);
                }
                AdjointModel model = new AdjointModel(metadata.uid(), factory, loss, params, null);
                metadata.getAndSetParams(model, Option.empty());
                return model;
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("AdjointModel.load: cannot load " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private static FileSystem fs(String path, SparkSession spark) throws IOException {
        return new Path(path).getFileSystem(spark.sparkContext().hadoopConfiguration());
    }

    /** Resolves classes with the thread's context class loader, where the application's factory lives. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(byte[] bytes) throws IOException {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
