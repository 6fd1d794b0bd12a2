package org.muonscope.engine.experiments.cnn;

import java.util.List;
import org.muonscope.engine.run.Column;
import org.muonscope.engine.run.Layout;
import org.muonscope.engine.run.Table;
import org.muonscope.engine.run.Table.Source;

/**
 * What a CNN run records at each evaluation, by field name, and where each lies in its folder. Classes are
 * numbered from 0.
 *
 * <p>Each record: {@value #EPOCH}, {@value #IMAGES}, {@value #SECONDS} (training wall time so far, evaluations
 * excluded), {@value #TRAIN_LOSS} (mean since the previous evaluation), {@value #TEST_ACCURACY},
 * {@value #BALANCED_ACCURACY}, {@value #WORST_CLASS_ACCURACY}, {@value #CLASS_ACCURACY} (per class),
 * {@value #CONFUSION} (true x predicted counts on the clean test set), {@value #SINGULAR_VALUES} (a ragged matrix: one
 * row per weight matrix of the network, in the order of the info's {@value #LAYERS}, its singular values descending)
 * and {@value #LAYER_EFFECTIVE_RANK} (per layer, the entropy effective rank of that row,
 * {@link org.muonscope.engine.linalg.Spectra#effectiveRank}); with a spurious pixel {@value #CLEAN_ACCURACY}
 * and {@value #SPURIOUS_ACCURACY}; with colored digits {@value #GROUP_ACCURACY} (per group, named in the info's
 * {@value #GROUPS}) and {@value #WORST_GROUP_ACCURACY}. Progress ticks: {@value #IMAGES_PER_SECOND},
 * {@value #ETA_SECONDS}, {@value #TRAIN_LOSS}. Each optimizer's summary: {@value #STEPS}, {@value #IMAGES},
 * {@value #SECONDS}, {@value #IMAGES_PER_SECOND}, {@value #FINAL_TEST_ACCURACY}. The run's info: {@value #DATA_SOURCE},
 * {@value #CLASS_COUNTS} (training images per class after the transforms), {@value #GROUPS}, {@value #LAYERS} (the
 * names of the parameters that are matrices, more than one row and column: convolution filters flattened to
 * {@code out x (in k k)} and dense weights, in network order; biases are left out).
 */
public final class CnnFields {
    private CnnFields() { }

    public static final String EPOCH = "epoch";
    public static final String IMAGES = "images";
    public static final String SECONDS = "seconds";
    public static final String TRAIN_LOSS = "train_loss";
    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String BALANCED_ACCURACY = "balanced_accuracy";
    public static final String WORST_CLASS_ACCURACY = "worst_class_accuracy";
    public static final String CLEAN_ACCURACY = "clean_accuracy";
    public static final String SPURIOUS_ACCURACY = "spurious_accuracy";
    public static final String WORST_GROUP_ACCURACY = "worst_group_accuracy";
    public static final String CLASS_ACCURACY = "class_accuracy";
    public static final String GROUP_ACCURACY = "group_accuracy";
    public static final String CONFUSION = "confusion";
    public static final String SINGULAR_VALUES = "singular_values";
    public static final String LAYER_EFFECTIVE_RANK = "layer_effective_rank";
    public static final String IMAGES_PER_SECOND = "images_per_second";
    public static final String ETA_SECONDS = "eta_seconds";
    public static final String STEPS = "steps";
    public static final String FINAL_TEST_ACCURACY = "final_test_accuracy";
    public static final String DATA_SOURCE = "data_source";
    public static final String CLASS_COUNTS = "class_counts";
    public static final String GROUPS = "groups";
    public static final String LAYERS = "layers";

    public static final Layout LAYOUT = new Layout("class_accuracy.csv", List.of(
            Table.of("metrics.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.scalar(EPOCH),
                    Column.scalar(IMAGES), Column.scalar(SECONDS), Column.scalar(TRAIN_LOSS), Column.scalar(TEST_ACCURACY),
                    Column.scalar(BALANCED_ACCURACY), Column.scalar(WORST_CLASS_ACCURACY), Column.scalar(CLEAN_ACCURACY),
                    Column.scalar(SPURIOUS_ACCURACY), Column.scalar(WORST_GROUP_ACCURACY)),
            Table.of("class_accuracy.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.index("class", 0),
                    Column.element("accuracy", CLASS_ACCURACY)),
            Table.optional("group_accuracy.csv", Source.RECORDS, Column.optimizer(), Column.step(),
                    Column.index("group", GROUPS), Column.element("accuracy", GROUP_ACCURACY)),
            Table.of("confusion.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.row("true", 0),
                    Column.col("predicted", 0), Column.cell("count", CONFUSION)),
            // optional: folders written before the spectra were recorded have neither file, and stay without them
            Table.optional("spectra.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.row("layer", LAYERS),
                    Column.col("index", 1), Column.cell("value", SINGULAR_VALUES)),
            Table.optional("layer_rank.csv", Source.RECORDS, Column.optimizer(), Column.step(), Column.index("layer", LAYERS),
                    Column.element("effective_rank", LAYER_EFFECTIVE_RANK)),
            Table.of("summary.csv", Source.OPTIMIZERS, Column.optimizer(), Column.status(), Column.message(),
                    Column.scalar(STEPS), Column.scalar(IMAGES), Column.scalar(SECONDS), Column.scalar(IMAGES_PER_SECOND),
                    Column.scalar(FINAL_TEST_ACCURACY)),
            Table.optional("classes.csv", Source.INFO, Column.index("class", 0), Column.element("train_images", CLASS_COUNTS)),
            Table.optimizers()));
}
