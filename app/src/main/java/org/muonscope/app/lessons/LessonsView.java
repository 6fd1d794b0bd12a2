package org.muonscope.app.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.muonscope.app.common.LabContext;
import org.muonscope.app.common.Notices;
import org.muonscope.app.common.TaskExecutor;
import org.muonscope.app.common.figure.Drawing;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.engine.run.CancelToken;
import org.muonscope.engine.run.RunListener;
import org.muonscope.engine.run.RunResult;

/**
 * The Lessons tab: a lesson's scenes one at a time, for a classroom. Page Down / Page Up (what presenter remotes
 * send), the arrow keys, Space, Home and End move between scenes; a scene plays its figures to its step by itself;
 * the caption's numbers come from the scene's run. A lesson that is refused is named in a red line and the one shown
 * before stays.
 */
public final class LessonsView extends BorderPane {
    private final LessonsViewModel vm;
    private final TaskExecutor tasks;
    private final Supplier<Path> chooseHandout;
    private final ComboBox<String> picker = new ComboBox<>();
    private final Label title = new Label();
    private final Label caption = new Label();
    private final Label error = new Label();
    private final Label counter = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label making = new Label();
    private final HBox figures = new HBox(12);
    private final List<FigureHost> hosts = new ArrayList<>();
    private long lastFrame;

    public static LessonsView create(LabContext ctx) {
        LessonsView v = new LessonsView(new LessonsViewModel(ctx.tasks()), ctx.tasks(), () -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Write the lesson's handout");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            fc.setInitialFileName("handout.pdf");
            java.io.File f = fc.showSaveDialog(ctx.stage());
            return f == null ? null : f.toPath();
        });
        // the tab opens on the first lesson (its first scene is a fraction of a second of theory)
        v.viewModel().open(Lessons.BUNDLED.get(0));
        return v;
    }

    public LessonsView(LessonsViewModel vm, TaskExecutor tasks, Supplier<Path> chooseHandout) {
        this.vm = vm;
        this.tasks = tasks;
        this.chooseHandout = chooseHandout;
        setId("lessons");
        getStyleClass().add("lessons");
        setTop(toolbar());
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        error.getStyleClass().add("lesson-error");
        error.setWrapText(true);
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.textProperty().bind(vm.errorProperty());
        figures.setPadding(new Insets(4, 0, 4, 0));
        VBox.setVgrow(figures, Priority.ALWAYS);
        VBox center = new VBox(6, error, title, figures);
        center.setPadding(new Insets(10, 16, 4, 16));
        setCenter(center);
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(vm.captionProperty());
        caption.setMinHeight(Region.USE_PREF_SIZE);
        BorderPane.setMargin(caption, new Insets(4, 16, 14, 16));
        setBottom(caption);
        vm.shownProperty().addListener((o, a, r) -> showFigures());
        vm.sceneProperty().addListener((o, a, b) -> {
            Lesson.Scene s = vm.scene();
            title.setText(s == null ? "" : s.title());
        });
        vm.lessonProperty().addListener((o, a, l) -> {
            if (l != null && !l.name().equals(picker.getValue())) picker.setValue(l.name());
        });
        vm.animation().cursorProperty().addListener((o, a, c) -> {
            for (FigureHost h : hosts) h.setCursor(c.doubleValue());
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // presenter remotes send Page Down / Page Up: those always move, whatever has the focus
            if (e.getCode() == KeyCode.PAGE_DOWN) vm.next();
            else if (e.getCode() == KeyCode.PAGE_UP) vm.previous();
            else return;
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            // arrows reach here unless a zoomed figure or the lesson list used them
            switch (e.getCode()) {
                case RIGHT, DOWN, SPACE -> vm.next();
                case LEFT, UP, BACK_SPACE -> vm.previous();
                case HOME -> vm.first();
                case END -> vm.last();
                default -> { return; }
            }
            e.consume();
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                double dt = lastFrame == 0 ? 0 : (now - lastFrame) / 1e9;
                lastFrame = now;
                vm.animation().tick(dt);
            }
        }.start();
    }

    private ToolBar toolbar() {
        picker.getItems().setAll(Lessons.BUNDLED);
        picker.setId("lesson-picker");
        picker.setTooltip(new Tooltip("The lessons that come with Muonscope"));
        picker.setOnAction(e -> {
            String name = picker.getValue();
            Lesson l = vm.lessonProperty().get();
            if (name != null && (l == null || !l.name().equals(name))) vm.open(name);
        });
        Button openFile = new Button("Open lesson file…");
        openFile.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a lesson");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lesson (JSON)", "*.json"));
            java.io.File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) vm.open(f.toString());
        });
        Button prev = new Button("\u25C0 Previous");
        prev.setId("lesson-previous");
        prev.setOnAction(e -> vm.previous());
        prev.setTooltip(new Tooltip("Page Up, Left"));
        Button next = new Button("Next \u25B6");
        next.setId("lesson-next");
        next.setOnAction(e -> vm.next());
        next.setTooltip(new Tooltip("Page Down, Right, Space"));
        counter.setId("lesson-counter");
        counter.textProperty().bind(vm.counterProperty());
        counter.getStyleClass().add("lesson-counter");
        Button replay = new Button("Replay");
        replay.setOnAction(e -> vm.animation().restart());
        replay.disableProperty().bind(vm.shownProperty().isNull());
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.progressProperty());
        making.setText("making this scene's run\u2026");
        HBox busy = new HBox(6, progress, making);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Button handout = new Button("Handout PDF\u2026");
        handout.setId("lesson-handout");
        handout.disableProperty().bind(vm.lessonProperty().isNull());
        handout.setOnAction(e -> writeHandout());
        return new ToolBar(new Label("Lesson"), picker, openFile, new Separator(), prev, counter, next, replay, busy,
                new Separator(), handout);
    }

    private void showFigures() {
        LessonsViewModel.Showing showing = vm.shownProperty().get();
        if (showing == null) {
            for (FigureHost h : hosts) h.clear();
            return;
        }
        Lesson.Scene s = showing.scene();
        RunResult r = showing.result();
        while (hosts.size() < s.views().size()) {
            FigureHost h = new FigureHost(tasks.lane("figures"));
            HBox.setHgrow(h, Priority.ALWAYS);
            h.setPrefSize(600, 420);
            hosts.add(h);
        }
        figures.getChildren().setAll(hosts.subList(0, s.views().size()));
        for (int i = 0; i < s.views().size(); i++) {
            FigureHost h = hosts.get(i);
            h.setId("lesson-figure-" + s.views().get(i));
            h.resetZoom();
            h.setCursor(vm.animation().cursor());
            String view = s.views().get(i);
            h.request(size -> {
                LessonFigures.Figure f = LessonFigures.figure(view, r, s.highlight(), true, size.detailWidth());
                return f.reveal() == null ? Drawing.of(f.chart()) : Drawing.revealing(f.chart(), f.reveal());
            }, null);
        }
    }

    /** Runs every scene not yet made (in the background), then writes the handout where the user chose. */
    private void writeHandout() {
        Lesson l = vm.lessonProperty().get();
        Path out = chooseHandout.get();
        if (l == null || out == null) return;
        LessonRuns runs = vm.runs();
        tasks.lane("lessons").execute(() -> {
            try {
                for (int i = 0; i < l.scenes().size(); i++) runs.run(i, RunListener.NONE, new CancelToken());
                Handout.write(l, runs::result, out);
                tasks.ui().execute(() -> Notices.show(this, "Handout written", out.toString(), Notices.Level.INFO));
            } catch (Exception ex) {
                tasks.ui().execute(() -> Notices.show(this, "Handout failed", String.valueOf(ex.getMessage()), Notices.Level.ERROR));
            }
        });
    }

    public LessonsViewModel viewModel() {
        return vm;
    }
}
