package org.muonscope.app.lessons;

import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.Spec;

/**
 * A lesson that opened: every scene's spec built and every number its captions name found in the run it comes from
 * ({@link Lessons#parse}).
 *
 * @param name        the file stem ({@code imbalanced-classes}) or the file's path
 */
public record Lesson(String name, String title, String description, List<Scene> scenes) {
    public Lesson {
        scenes = List.copyOf(scenes);
    }

    /**
     * One scene.
     *
     * @param number    1-based
     * @param views     the figures shown, by the lab's names for them
     * @param play      the step the scene's animation plays to (infinite: the whole run)
     * @param highlight optimizer labels drawn in full color (the others faded); empty: all
     */
    public record Scene(int number, String title, Lab lab, Spec spec, List<String> views, double play,
                        Set<String> highlight, Caption caption, List<Check> checks) {
        public Scene {
            views = List.copyOf(views);
            highlight = Set.copyOf(highlight);
            checks = List.copyOf(checks);
        }

        /** The caption with its numbers filled from the runs of the lesson's scenes (0-based; null: still running). */
        public String caption(IntFunction<RunResult> results) {
            return caption.fill(results);
        }

        /** How many claims this scene checks. */
        public int checkCount() {
            return checks.size();
        }
    }

    /** Every check of every scene against the runs (0-based scene index to its run). */
    public List<Check.Outcome> check(IntFunction<RunResult> results) {
        return scenes.stream().flatMap(s -> s.checks().stream()).map(c -> c.evaluate(results)).toList();
    }
}
