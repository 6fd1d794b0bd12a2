package org.muonscope.app.lessons;

import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.muonscope.app.common.AnimationModel;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.Progress;
import org.muonscope.engine.run.Record;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;

/**
 * The Lessons tab without a screen: which lesson and scene are shown, the scene's run (made in the background on the
 * {@code lessons} lane, one at a time, the next scene's made ahead), its caption with the numbers filled in, and the
 * animation that plays the scene to its step. A lesson that is refused leaves the one shown before in place.
 */
public final class LessonsViewModel {
    /** A scene on screen with its run (a new value for every scene shown, even when two scenes share a run). */
    public record Showing(Lesson.Scene scene, RunResult result) { }

    static final String COMMAND = "muonscope (Lessons)";

    private final TaskExecutor tasks;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty scene = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Showing> shown = new SimpleObjectProperty<>();
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty counter = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final AnimationModel animation = new AnimationModel();
    private LessonRuns runs;
    private CancelToken cancel = new CancelToken();
    private final Set<Integer> queued = new HashSet<>();

    public LessonsViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /**
     * Opens a bundled lesson by name or a lesson file, at its first scene.
     *
     * @return false when the lesson is refused ({@link #errorProperty} says why in one line)
     */
    public boolean open(String nameOrPath) {
        Lesson l;
        try {
            l = Lessons.open(nameOrPath);
        } catch (LessonException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        cancel.cancel();
        cancel = new CancelToken();
        queued.clear();
        runs = new LessonRuns(l, COMMAND);
        lesson.set(l);
        scene.set(-1);
        go(0);
        return true;
    }

    public void next() {
        if (lesson.get() != null) go(Math.min(scene.get() + 1, lesson.get().scenes().size() - 1));
    }

    public void previous() {
        if (lesson.get() != null) go(Math.max(scene.get() - 1, 0));
    }

    public void first() {
        go(0);
    }

    public void last() {
        if (lesson.get() != null) go(lesson.get().scenes().size() - 1);
    }

    /** Shows scene {@code index} (0-based): at once when its run is made, else when it is. */
    public void go(int index) {
        Lesson l = lesson.get();
        if (l == null || index < 0 || index >= l.scenes().size() || index == scene.get()) return;
        scene.set(index);
        counter.set("Scene " + (index + 1) + " / " + l.scenes().size());
        animation.playingProperty().set(false);
        RunResult r = runs.result(index);
        if (r != null) {
            display(index, r);
        } else {
            shown.set(null);
            caption.set(scene().caption(runs::result));
            running.set(true);
            progress.set(0);
            make(index);
        }
    }

    /** The scene shown, or null. */
    public Lesson.Scene scene() {
        int i = scene.get();
        return lesson.get() == null || i < 0 ? null : lesson.get().scenes().get(i);
    }

    private void make(int index) {
        if (!queued.add(index)) return;
        LessonRuns mine = runs;
        CancelToken token = cancel;
        tasks.lane("lessons").execute(() -> {
            if (token.isCancelled()) return;
            RunResult r;
            try {
                r = mine.run(index, new Listener(mine, index), token);
            } catch (RuntimeException e) {
                tasks.ui().execute(() -> {
                    if (mine == runs) {
                        queued.remove(index);
                        running.set(false);
                        error.set("scene " + (index + 1) + " failed: " + e.getMessage());
                    }
                });
                return;
            }
            tasks.ui().execute(() -> {
                if (mine != runs || r == null) return;
                int i = scene.get();
                if (mine.result(i) != null && shown.get() == null) display(i, mine.result(i));
                else if (scene() != null) caption.set(scene().caption(runs::result));
            });
        });
    }

    private void display(int index, RunResult r) {
        running.set(false);
        progress.set(1);
        Lesson.Scene s = lesson.get().scenes().get(index);
        shown.set(new Showing(s, r));
        caption.set(s.caption(runs::result));
        long last = r.optimizers().stream().mapToLong(o -> o.last() == null ? 0 : o.last().step()).max().orElse(0);
        animation.maxStepProperty().set(Math.min(s.play(), last));
        animation.restart();
        if (index + 1 < lesson.get().scenes().size() && runs.result(index + 1) == null) make(index + 1);
    }

    /** Progress of the run behind the scene shown (CNN scenes report it). */
    private final class Listener implements RunListener {
        private final LessonRuns mine;
        private final int index;

        Listener(LessonRuns mine, int index) {
            this.mine = mine;
            this.index = index;
        }

        @Override
        public void onProgress(Progress p) {
            tasks.ui().execute(() -> {
                if (mine == runs && scene.get() == index) progress.set(p.fraction());
            });
        }

        @Override
        public void onRecord(Record r) { }
    }

    /** Stops the run in flight (the tab closes or another lesson opens). */
    public void cancel() {
        cancel.cancel();
    }

    /** The runs of the lesson shown (null before one opens). */
    public LessonRuns runs() { return runs; }

    public ObjectProperty<Lesson> lessonProperty() { return lesson; }
    public IntegerProperty sceneProperty() { return scene; }
    public ObjectProperty<Showing> shownProperty() { return shown; }
    public StringProperty captionProperty() { return caption; }
    public StringProperty counterProperty() { return counter; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public AnimationModel animation() { return animation; }
}
