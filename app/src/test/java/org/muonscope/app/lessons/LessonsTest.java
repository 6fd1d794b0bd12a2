package org.muonscope.app.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muonscope.engine.experiments.theory.TheoryFields;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.OptimizerResult;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;
import org.muonscope.engine.spec.TheorySpec;

/** Lessons open whole or not at all, and their captions read the engine's own numbers. */
class LessonsTest {
    /** A one-scene lesson around {@code scene}'s fields (JSON without the braces). */
    private static String lesson(String sceneFields) {
        return "{\"title\": \"t\", \"scenes\": [{\"title\": \"first\", " + sceneFields + "}]}";
    }

    private static final String GOOD = "\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"]";

    @Test
    void everyBundledLessonOpens() {
        for (String name : Lessons.BUNDLED) {
            Lesson l = Lessons.open(name);
            assertFalse(l.scenes().isEmpty(), name);
            assertTrue(l.scenes().stream().allMatch(s -> s.checkCount() > 0), name + ": every scene checks what it says");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown lab|\"lab\": \"optics\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"x\"|field 'lab': unknown lab 'optics' (known: theory simplicity cnn)",
        "unknown preset|\"lab\": \"theory\", \"preset\": \"theory-nope\", \"views\": [\"trajectories\"], \"caption\": \"x\"|field 'preset': unknown theory preset 'theory-nope'",
        "preset of another lab|\"lab\": \"theory\", \"preset\": \"simplicity-figure1\", \"views\": [\"trajectories\"], \"caption\": \"x\"|field 'preset': unknown theory preset 'simplicity-figure1'",
        "unknown field|" + "\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"{t90 of gd, class 3}\"|field 'caption': unknown field 't90' in {t90 of gd, class 3} (a theory run has: diag",
        "unknown optimizer|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"{loss of adam}\"|field 'caption': no optimizer 'adam' in {loss of adam} (the scene runs: gd ngd specgd muon)",
        "class out of range|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"{diag of gd, class 4}\"|field 'caption': there is no class 4 (the run has 3)",
        "vector without class|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"{diag of gd}\"|'diag' has one number per class",
        "step of a summary|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"{t90_measured of gd, class 1, step 5}\"|reported once per run: it has no step",
        "no such scene|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"{loss of gd, scene 2}\"|there is no scene 2",
        "unknown view|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"routing-errors\"], \"caption\": \"x\"|field 'views': unknown view 'routing-errors' for a theory run",
        "bad set|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"set\": {\"depht\": 3}, \"views\": [\"trajectories\"], \"caption\": \"x\"|field 'set.depht': unknown field in a theory spec",
        "bad set value|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"set\": {\"depth\": 99}, \"views\": [\"trajectories\"], \"caption\": \"x\"|field 'set.depth': must be between 1 and 16, got 99",
        "highlight|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"highlight\": [\"sgd\"], \"caption\": \"x\"|field 'highlight': no optimizer 'sgd'",
        "misspelt scene field|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"captoin\": \"x\"|field 'captoin': unknown field",
        "no caption|\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"]|field 'caption': missing",
        "bad check|" + "\"lab\": \"theory\", \"preset\": \"theory-imbalance\", \"views\": [\"trajectories\"], \"caption\": \"x\", \"checks\": [\"{loss of gd} ~ 1\"]|field 'checks[1]': a check compares with",
        "spec of another lab|\"lab\": \"cnn\", \"spec\": {\"kind\": \"dln\"}, \"views\": [\"loss\"], \"caption\": \"x\"|field 'spec': a dln run is not shown in the cnn lab",
    })
    void aBadLessonIsRefusedInOneLineNamingTheSceneAndTheField(String what, String scene, String expected) {
        LessonException e = assertThrows(LessonException.class, () -> Lessons.parse("bad", lesson(scene)));
        assertTrue(e.getMessage().startsWith("lesson bad: scene 1 (first), "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aLessonThatIsNotJsonOrHasNoScenesIsRefused() {
        assertTrue(assertThrows(LessonException.class, () -> Lessons.parse("x", "{\"scenes\": [")).getMessage()
                .startsWith("lesson x: not valid JSON"));
        assertEquals("lesson x: \"scenes\" must be a non-empty list",
                assertThrows(LessonException.class, () -> Lessons.parse("x", "{\"scenes\": []}")).getMessage());
        assertTrue(assertThrows(LessonException.class, () -> Lessons.open("no-such-lesson")).getMessage()
                .contains("no such lesson (bundled: imbalanced-classes simplicity-bias cnns"));
    }

    @Test
    void captionsReadTheNumbersOfTheRunTheyName() {
        Lesson l = Lessons.parse("t", "{\"title\": \"t\", \"scenes\": [{\"title\": \"a\", " + GOOD + ", \"caption\": "
                + "\"{t90_measured of gd, class 3}|{spread t90_measured of gd}|{diag of gd, class 1, step 105}|"
                + "{worst_class_accuracy of specgd %}|{mean class_loss of muon, classes 2-3}|{loss of gd, step 0 / loss of gd}\"},"
                + "{\"title\": \"b\", " + GOOD + ", \"set\": {\"steps\": 50}, \"caption\": \"{max t90_measured of gd, scene 1} {loss of gd}\"}]}");
        LessonRuns runs = new LessonRuns(l, "test");
        assertNull(runs.result(0));
        assertEquals("\u2026|\u2026|\u2026|\u2026|\u2026|\u2026", l.scenes().get(0).caption(runs::result), "numbers wait for their run");
        RunResult r = runs.run(0, RunListener.NONE, new CancelToken());
        OptimizerResult gd = r.optimizer("gd");
        double[] t90 = gd.summary().vector(TheoryFields.T90_MEASURED);
        double spread = Math.max(t90[0], Math.max(t90[1], t90[2])) / Math.min(t90[0], Math.min(t90[1], t90[2]));
        Record at = null;
        for (Record rec : gd.records()) if (rec.step() <= 105) at = rec;
        assertTrue(at.step() < 105, "the record at or before the step");
        double[] muonLoss = r.optimizer("muon").last().values().vector(TheoryFields.CLASS_LOSS);
        String expected = String.join("|", Caption.format(t90[2], false), Caption.format(spread, false),
                Caption.format(at.values().vector(TheoryFields.DIAG)[0], false),
                Caption.format(r.optimizer("specgd").last().values().scalar(TheoryFields.WORST_CLASS_ACCURACY), true),
                Caption.format((muonLoss[1] + muonLoss[2]) / 2, false),
                Caption.format(gd.records().get(0).values().scalar(TheoryFields.LOSS) / gd.last().values().scalar(TheoryFields.LOSS), false));
        assertEquals(expected, l.scenes().get(0).caption(runs::result));
        assertTrue(l.scenes().get(1).caption(runs::result).endsWith(" \u2026"), "scene 2 not run yet");
        runs.run(1, RunListener.NONE, new CancelToken());
        assertTrue(l.scenes().get(1).caption(runs::result).startsWith(Caption.format(Math.max(t90[0], Math.max(t90[1], t90[2])), false) + " "),
                "a caption may quote another scene's run");
        assertEquals(50, ((TheorySpec) l.scenes().get(1).spec()).steps(), "set changes the preset's fields");
    }

    @Test
    void scenesWithOneSpecShareOneRun() {
        Lesson l = Lessons.parse("t", "{\"title\": \"t\", \"scenes\": [{\"title\": \"a\", " + GOOD + ", \"caption\": \"x\"},"
                + "{\"title\": \"b\", " + GOOD + ", \"caption\": \"y\"}]}");
        LessonRuns runs = new LessonRuns(l, "test");
        RunResult a = runs.run(0, RunListener.NONE, new CancelToken());
        assertTrue(a == runs.result(1), "the second scene shows the first scene's run");
    }

    @Test
    void numbersFormatForReading() {
        assertEquals("1211", Caption.format(1211, false));
        assertEquals("0.0273", Caption.format(0.027345, false));
        assertEquals("3.84", Caption.format(3.844444, false));
        assertEquals("73.2%", Caption.format(0.7321, true));
        assertEquals("never", Caption.format(Double.POSITIVE_INFINITY, false));
        assertEquals("n/a", Caption.format(Double.NaN, false));
        assertEquals("2.10e-12", Caption.format(2.1032e-12, false));
        assertEquals("1235", Caption.format(1234.6, false));
    }

    /**
     * The claims of the bundled lessons, each against a fresh run of its scene: a lesson may only say what the engine
     * shows. The CNN lesson trains on the bundled images (about half a minute on two cores).
     */
    @ParameterizedTest
    @CsvSource({"imbalanced-classes", "simplicity-bias", "cnns"})
    void everyClaimOfABundledLessonHolds(String name) {
        Lesson l = Lessons.open(name);
        LessonRuns runs = new LessonRuns(l, "test");
        for (int i = 0; i < l.scenes().size(); i++) runs.run(i, RunListener.NONE, new CancelToken());
        List<Check.Outcome> outcomes = l.check(runs::result);
        assertFalse(outcomes.isEmpty());
        for (Check.Outcome o : outcomes) assertTrue(o.holds(), name + ": " + o.check().text() + " (" + o.detail() + ")");
        for (Lesson.Scene s : l.scenes()) {
            String caption = s.caption(runs::result);
            assertFalse(caption.contains("?") || caption.contains("\u2026") || caption.contains("{"), name + " scene " + s.number() + ": " + caption);
        }
    }
}
