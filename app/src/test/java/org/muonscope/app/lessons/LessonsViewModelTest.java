package org.muonscope.app.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muonscope.app.support.QueuedTasks;

/** The Lessons tab's model, its runs made only when the test drains the queue. */
class LessonsViewModelTest {
    private final QueuedTasks tasks = new QueuedTasks();
    private final LessonsViewModel vm = new LessonsViewModel(tasks);

    @Test
    void aSceneShowsItsRunWhenMadeAndTheNextIsMadeAhead() {
        assertTrue(vm.open("imbalanced-classes"));
        assertEquals("Scene 1 / 4", vm.counterProperty().get());
        assertTrue(vm.runningProperty().get());
        assertNull(vm.shownProperty().get());
        assertTrue(vm.captionProperty().get().contains("\u2026"), "numbers wait for the run");
        assertEquals(1, tasks.pending());
        tasks.runOne();
        assertNotNull(vm.shownProperty().get());
        assertFalse(vm.runningProperty().get());
        assertFalse(vm.captionProperty().get().contains("\u2026"), vm.captionProperty().get());
        assertTrue(vm.animation().playingProperty().get(), "the scene plays by itself");
        assertEquals(1500, vm.animation().maxStepProperty().get(), "scene 1 plays the whole run");
        // scene 2 has the same spec: shown at once, played to its own step
        vm.next();
        assertEquals("Scene 2 / 4", vm.counterProperty().get());
        assertNotNull(vm.shownProperty().get());
        assertEquals(400, vm.animation().maxStepProperty().get());
        vm.last();
        assertEquals(3, vm.sceneProperty().get());
        assertNull(vm.shownProperty().get(), "the depth scene has its own run");
        tasks.runAll();
        assertNotNull(vm.shownProperty().get());
        assertTrue(vm.captionProperty().get().contains("against 1.81 at depth 1"), vm.captionProperty().get());
        vm.next();
        assertEquals(3, vm.sceneProperty().get(), "the last scene stays");
        vm.first();
        vm.previous();
        assertEquals(0, vm.sceneProperty().get());
    }

    @Test
    void aBadLessonIsRefusedAndTheShownOneStays(@TempDir Path dir) throws Exception {
        assertTrue(vm.open("imbalanced-classes"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"title\": \"t\", \"scenes\": [{\"title\": \"x\", \"lab\": \"theory\", \"preset\": \"theory-nope\","
                + " \"views\": [\"trajectories\"], \"caption\": \"c\"}]}");
        assertFalse(vm.open(bad.toString()));
        assertTrue(vm.errorProperty().get().startsWith("lesson " + bad + ": scene 1 (x), field 'preset': unknown theory preset 'theory-nope'"),
                vm.errorProperty().get());
        assertEquals("imbalanced-classes", vm.lessonProperty().get().name());
        assertTrue(vm.open("simplicity-bias"));
        assertEquals("", vm.errorProperty().get());
    }
}
