package org.muonscope.engine.cnn;

/** Receives a CNN run's events on the training thread; implementations must return quickly. */
public interface CnnListener {
    CnnListener NONE = new CnnListener() { };

    /** About ten times per epoch and at each evaluation. */
    default void onProgress(CnnProgress progress) { }

    default void onEval(CnnEval eval) { }

    default void onOptimizerEnded(CnnOptimizerResult result) { }
}
