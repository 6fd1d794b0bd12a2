package org.muonscope.app.lessons;

import java.util.HashMap;
import java.util.Map;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.RunContext;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.run.Status;

/**
 * The runs behind a lesson's scenes, each made once: scenes with the same spec (one run shown two ways) share it,
 * and a scene shown again is not run again. Thread-safe; a run is made on the caller's thread.
 */
public final class LessonRuns {
    private final Lesson lesson;
    private final String command;
    private final Map<String, RunResult> bySpec = new HashMap<>();

    public LessonRuns(Lesson lesson, String command) {
        this.lesson = lesson;
        this.command = command;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The finished run of a scene (0-based), or null when it has not been made. */
    public synchronized RunResult result(int scene) {
        return bySpec.get(key(scene));
    }

    /**
     * Makes the run of a scene (0-based) unless it is made; a cancelled run is not kept.
     *
     * @return the run, or null when cancelled
     */
    public RunResult run(int scene, RunListener listener, CancelToken cancel) {
        RunResult done = result(scene);
        if (done != null) return done;
        RunResult r = Experiments.run(lesson.scenes().get(scene).spec(), listener, cancel,
                RunContext.of(command).withExecutor(RunContext.pool()));
        if (r.optimizers().stream().anyMatch(o -> o.status() == Status.CANCELLED)) return null;
        synchronized (this) {
            bySpec.put(key(scene), r);
        }
        return r;
    }

    private String key(int scene) {
        return SpecCodec.toJson(lesson.scenes().get(scene).spec());
    }
}
