package org.muonscope.app.theorylab;

import org.muonscope.app.common.Notices;

import org.muonscope.app.common.TaskExecutor;

import org.muonscope.app.common.AnimationModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.muonscope.app.common.figure.FigureHost;
import org.muonscope.app.common.figure.Zoom;
import org.muonscope.app.plots.ChartStyle;
import org.muonscope.app.plots.LabFigure;
import org.muonscope.app.plots.Palette;
import org.muonscope.app.plots.RunData;

/**
 * The Theory Lab: controls on the left, the diagonal trajectories in the middle with the animation bar,
 * the side views on the right. Redraws happen in one place, the animation timer, at most once per frame.
 */
public final class TheoryLabView extends BorderPane {
    private final TheoryLabViewModel vm;
    private final TaskExecutor tasks;
    private final ControlsPane controls;
    private final TheoryFigures figures;
    private final TabPane side = new TabPane();
    private final SplitPane split;
    private final TextArea explain = new TextArea();
    private final SaturationTable saturationTable = new SaturationTable();
    private final Label status = new Label();
    private final Label perf = new Label();
    private final Label about = new Label();
    private final TheoryLabFiles files;
    private PathPicker picker = PathPicker.dialogs(() -> getScene() == null ? null : getScene().getWindow());

    /** While a run streams in, the figures are redrawn at most this often (a redraw costs two chart renders). */
    private static final long RUNNING_REDRAW_NANOS = 150_000_000L;
    private long lastRender;
    private Object sweptSpec;
    private long explainedVersion = -1;
    private long drawnVersion = -1;
    private long tableVersion = -1;
    private double drawnCursor = Double.NaN;
    private final Map<String, Long> figureVersion = new LinkedHashMap<>();
    private boolean styleDirty = true;
    private long measuredChange;
    private long lastFrame;
    private int framesThisSecond;
    private long secondStart;
    private double fps;
    private double lastLatencyMillis = Double.NaN;
    private long redraws;
    private final AnimationTimer timer;

    public TheoryLabView(TheoryLabViewModel vm, TaskExecutor tasks) {
        this.tasks = tasks;
        this.vm = vm;
        getStyleClass().add("theory-lab");
        controls = new ControlsPane(vm);
        figures = new TheoryFigures(tasks.lane("figures"));
        files = new TheoryLabFiles(vm, tasks, figures, this::figure, this::style, this::measuredDepth);
        FigureHost main = figures.host("trajectories");
        main.setOnScrub(step -> {
            vm.animation().playingProperty().set(false);
            vm.animation().scrubTo(step);
        });
        AnimationBar bar = new AnimationBar(vm.animation(), this::interval);
        about.getStyleClass().add("about");
        about.setWrapText(true);
        about.textProperty().bind(vm.descriptionProperty());
        VBox center = new VBox(about, main, bar);
        VBox.setVgrow(main, Priority.ALWAYS);

        explain.setEditable(false);
        explain.setWrapText(true);
        explain.getStyleClass().add("explain");
        explain.setId("explain");
        VBox saturation = new VBox(saturationTable, figures.host("saturation"));
        VBox.setVgrow(figures.host("saturation"), Priority.ALWAYS);
        side.getTabs().addAll(
                tab("Balanced / worst", figures.host("metrics")),
                tab("Class-wise", figures.host("class-metrics")),
                tab("Saturation", saturation),
                tab("Depth", figures.host("depth")),
                tab("Explain", explain));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("side-views");
        side.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            drawnCursor = Double.NaN;
            explainedVersion = -1;
        });

        split = new SplitPane(center, side);
        split.setDividerPositions(0.6);
        setLeft(controls);
        setCenter(split);
        setTop(TheoryLabToolbar.create(this));
        HBox statusBar = new HBox(16, status, spacer(), perf);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(3, 8, 3, 8));
        setBottom(statusBar);
        status.setId("status");
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.errorProperty().get().isEmpty() ? vm.statusProperty().get() : "Fix: " + vm.errorProperty().get(),
                vm.statusProperty(), vm.errorProperty()));
        // a divergence is easy to miss in the status line while dragging a slider: say it once in the corner
        vm.divergenceProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) Notices.show(this, "An optimizer diverged", b, Notices.Level.WARNING);
        });
        vm.errorProperty().addListener((o, a, b) -> {
            status.getStyleClass().remove("error");
            if (!b.isEmpty()) status.getStyleClass().add("error");
        });

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.presenterProperty().addListener((o, a, b) -> styleDirty = true);
        vm.depthSweep().measuredProperty().addListener((o, a, b) -> figureVersion.remove("depth"));
        vm.darkProperty().addListener((o, a, b) -> styleDirty = true);
        vm.optimizers().addListener((javafx.beans.InvalidationListener) x -> styleDirty = true);
        timer = new AnimationTimer() {
            @Override public void handle(long now) { frame(now); }
        };
        sceneProperty().addListener((o, a, s) -> { if (s != null) timer.start(); else timer.stop(); });
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    // ---- the frame loop ----

    private void frame(long now) {
        double dt = lastFrame == 0 ? 0 : Math.min(0.1, (now - lastFrame) / 1e9);
        lastFrame = now;
        vm.animation().tick(dt);
        boolean drew = false;
        if (styleDirty) applyTheme();
        RunData data = vm.dataProperty().get();
        if (data != null) {
            String visible = visibleFigure();
            long v = vm.versionProperty().get();
            // while a run streams in, request a redraw at most every RUNNING_REDRAW_NANOS (the render thread
            // would otherwise take a core from the engine); always on the final batch
            boolean throttled = vm.runningProperty().get() && now - lastRender < RUNNING_REDRAW_NANOS;
            RunData frozen = null;
            ChartStyle style = null;
            // a re-run starts with no snapshots: drawing that empty chart would only delay the first real frame
            // by one render on the busy render thread, so the previous picture stays until data arrives
            boolean empty = !data.isFinished() && data.slots().stream().allMatch(sl -> sl.snapshots().isEmpty());
            boolean skipEmpty = empty && figures.host("trajectories").hasImage() && !styleDirty;
            if (((v != drawnVersion && !throttled) || styleDirty) && !skipEmpty) {
                frozen = data.freeze();
                style = style();
                if (rebuild("trajectories", frozen, style)) {
                    drawnVersion = v;
                    // an empty chart (the run has only just started) must not delay its first real frame
                    if (data.slots().isEmpty() || !data.slot(0).snapshots().isEmpty()) lastRender = now;
                    drew = true;
                }
            }
            if ("depth".equals(visible) && data.isFinished() && sweptSpec != data.spec()) {
                // measured t90 for L = 1..6 costs six engine runs: only when someone looks at the depth view
                sweptSpec = data.spec();
                vm.depthSweep().start(data.spec());
            }
            // the table only while its tab shows: re-laying out its cells is the costliest FX work of a streaming run
            if ("saturation".equals(visible) && tableVersion != drawnVersion) {
                saturationTable.show(data);
                tableVersion = drawnVersion;
            }
            // the side view is queued behind the main view on the one render lane (a host redraws itself on resize)
            if (visible != null) {
                if (figureVersion.getOrDefault(visible, -1L) != drawnVersion) {
                    if (frozen == null) {
                        frozen = data.freeze();
                        style = style();
                    }
                    if (rebuild(visible, frozen, style)) figureVersion.put(visible, drawnVersion);
                    drew = true;
                }
            }
            double c = vm.animation().cursor();
            figures.host("trajectories").setCursor(c);
            if (visible != null) figures.host(visible).setCursor(c);
            if (c != drawnCursor || explainedVersion != drawnVersion) {
                if (side.getSelectionModel().getSelectedIndex() == 4) {
                    explain.setText(Explanation.of(data, c));
                    explainedVersion = drawnVersion;
                }
                drew |= c != drawnCursor;
                drawnCursor = c;
            }
        }
        styleDirty = false;
        if (drew) {
            redraws++;
            framesThisSecond++;
        }
        if (now - secondStart >= 1_000_000_000L) {
            fps = framesThisSecond * 1e9 / Math.max(1, now - secondStart);
            framesThisSecond = 0;
            secondStart = now;
            perf.setText(String.format(java.util.Locale.ROOT, "%s   change to frame %s ms   render %.0f ms",
                    vm.animation().playingProperty().get() ? String.format(java.util.Locale.ROOT, "%.0f fps", fps) : "paused",
                    Double.isNaN(lastLatencyMillis) ? "-" : String.format(java.util.Locale.ROOT, "%.0f", lastLatencyMillis),
                    figures.host("trajectories").renderMillis()));
        }
    }

    /**
     * Asks the render thread to redraw a figure from a frozen copy of the data. The main view also reports
     * the time from the last setting change to the first frame that shows data from the new run.
     *
     * @return false when the view is too small to draw yet
     */
    private boolean rebuild(String name, RunData frozen, ChartStyle style) {
        long[][] measured = name.equals("depth") ? cloneRows(vm.depthSweep().measuredProperty().get()) : null;
        Runnable onShown = null;
        if (name.equals("trajectories")) {
            long changedAt = vm.changedAt();
            boolean hasData = !frozen.slots().isEmpty() && !frozen.slot(0).snapshots().isEmpty();
            onShown = () -> {
                if (hasData && changedAt > 0 && changedAt != measuredChange) {
                    lastLatencyMillis = (System.nanoTime() - changedAt) / 1e6;
                    measuredChange = changedAt;
                }
            };
        }
        return figures.request(name, frozen, style, measured, onShown);
    }

    private static long[][] cloneRows(long[][] a) {
        if (a == null) return null;
        long[][] c = new long[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i] == null ? null : a[i].clone();
        return c;
    }

    /**
     * The figure for exports, tests and the clipboard, rebuilt from the current data. The on-screen figures
     * belong to the render thread; this one is a separate object, drawn fully revealed at the export size.
     */
    public LabFigure figure(String name) {
        return figure(name, Zoom.WHOLE);
    }

    private LabFigure figure(String name, Zoom zoom) {
        RunData d = vm.dataProperty().get();
        // a frozen copy: the chart may be drawn on another thread while a run goes on appending
        return figures.export(name, d == null ? null : d.freeze(), style(), measuredDepth(d), zoom);
    }

    /** The depth view's measured t90s, when they were measured for this data. */
    private long[][] measuredDepth(RunData d) {
        return d != null && sweptSpec == d.spec() ? vm.depthSweep().measuredProperty().get() : null;
    }

    /** The figure of the selected side tab, or null for the explanation pane. */
    private String visibleFigure() {
        return switch (side.getSelectionModel().getSelectedIndex()) {
            case 0 -> "metrics";
            case 1 -> "class-metrics";
            case 2 -> "saturation";
            case 3 -> "depth";
            default -> null;
        };
    }

    public ChartStyle style() {
        List<java.awt.Color> colors = new ArrayList<>();
        for (OptimizerRow r : vm.optimizers()) if (r.enabledProperty().get()) colors.add(Palette.parse(r.colorProperty().get()));
        return new ChartStyle(vm.darkProperty().get(), vm.presenterProperty().get() ? 1.6 : 1.0, colors);
    }

    private void applyTheme() {
        var classes = getStyleClass();
        classes.removeAll("dark", "presenter");
        if (vm.darkProperty().get()) classes.add("dark");
        if (vm.presenterProperty().get()) classes.add("presenter");
        if (getScene() != null) {
            var rc = getScene().getRoot().getStyleClass();
            rc.removeAll("dark", "presenter");
            if (vm.darkProperty().get()) rc.add("dark");
            if (vm.presenterProperty().get()) rc.add("presenter");
        }
        controls.setTheme(vm.darkProperty().get(), vm.presenterProperty().get() ? 1.6 : 1.0);
        // presenter fonts widen the controls: give the side view back some of the main view's width so its
        // axis labels and tab headers still fit at 1600 px
        split.setDividerPositions(vm.presenterProperty().get() ? 0.55 : 0.6);
        figureVersion.clear();
        javafx.scene.paint.Color cursor = vm.darkProperty().get() ? javafx.scene.paint.Color.gray(0.85, 0.8) : javafx.scene.paint.Color.gray(0.2, 0.7);
        for (FigureHost v : figures.hosts()) v.setCursorColor(cursor);
    }

    private double interval() {
        RunData d = vm.dataProperty().get();
        return d == null ? 1 : d.spec().every();
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return;
        if (e.getTarget() instanceof javafx.scene.control.Spinner<?>) return;
        // a zoomed figure pans with the arrows; unzoomed, they step the animation
        if (e.getTarget() instanceof FigureHost h && !h.zoom().isWhole() && e.getCode().isArrowKey()) return;
        AnimationModel a = vm.animation();
        switch (e.getCode()) {
            case SPACE -> a.togglePlay();
            case RIGHT -> a.stepBy(e.isShiftDown() ? 10 : 1, interval());
            case LEFT -> a.stepBy(e.isShiftDown() ? -10 : -1, interval());
            case R -> a.restart();
            default -> { return; }
        }
        e.consume();
    }

    // ---- files ----

    public void loadPreset(String name) {
        try {
            vm.apply(Presets.load(name));
        } catch (Exception ex) {
            vm.statusProperty().set("Preset " + name + " failed: " + ex.getMessage());
        }
    }

    /** Sessions, exports, the clipboard and the figure bundle. */
    public TheoryLabFiles files() { return files; }

    // ---- for tests and the probe ----

    public void setPathPicker(PathPicker p) { picker = p; }
    PathPicker picker() { return picker; }
    String figureTitle(String name) { return figures.title(name); }
    public TheoryLabViewModel viewModel() { return vm; }
    public FigureHost viewer(String name) { return figures.host(name); }
    public double fps() { return fps; }
    public double lastLatencyMillis() { return lastLatencyMillis; }
    public long redraws() { return redraws; }
    public TabPane sideViews() { return side; }
    public String explanationText() { return explain.getText(); }
}
