package org.muonscope.app.simplicitylab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.common.AnimationModel;
import org.muonscope.engine.io.RunProvenance;
import org.muonscope.engine.experiments.Experiments;
import org.muonscope.engine.optim.StepSchedule;

/**
 * The Simplicity Lab tab: deep-linear singular values with the closed forms, the loss with GD's plateaus and a
 * SpecGD step-size slider (Figure 1); the routing task's 7 x 7 error grids for GD and SpecGD side by side, the
 * errors over training and W_h's spectrum (Figure 2). Both animate over training; every chart exports.
 */
public final class SimplicityLabView extends BorderPane {
    /** The SpecGD step-size slider works in log10(lr). */
    static final double LOG_LR_MIN = Math.log10(0.001);
    static final double LOG_LR_MAX = Math.log10(0.05);

    private final SimplicityLabViewModel vm;
    private final SimplicityFigures figures;
    private final java.util.concurrent.Executor io;
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final Label oscillation = new Label();
    final Slider stepSlider = new Slider(LOG_LR_MIN, LOG_LR_MAX, Math.log10(0.01));
    private long lastFrame;
    private final AnimationTimer timer;
    /** Held here: a bidirectional binding keeps only weak references, so a temporary asObject() would be collected. */
    private final javafx.beans.property.ObjectProperty<Integer> depthObject;

    /**
     * @param figures the lane figures are drawn on (the lab context's {@code figures} lane)
     * @param io the lane exports are written on
     */
    public SimplicityLabView(SimplicityLabViewModel vm, java.util.concurrent.Executor figures, java.util.concurrent.Executor io) {
        this.vm = vm;
        this.figures = new SimplicityFigures(figures);
        this.io = io;
        this.depthObject = vm.depthProperty().asObject();
        getStyleClass().add("simplicity-lab");
        setId("simplicity-lab");

        tabs.getTabs().addAll(tab("Deep linear: singular values (Figure 1)", dlnPane()),
                tab("Routing: shared structure (Figure 2)", routingPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("simplicity-tabs");
        setTop(toolbar());
        setCenter(tabs);
        HBox bar = new HBox(12, status);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        setBottom(bar);
        status.setId("simplicity-status");
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.errorProperty().get().isEmpty() ? vm.statusProperty().get() : "Fix: " + vm.errorProperty().get(),
                vm.statusProperty(), vm.errorProperty()));
        timer = new AnimationTimer() {
            @Override public void handle(long now) { frame(now); }
        };
        sceneProperty().addListener((o, a, s) -> { if (s != null) timer.start(); else timer.stop(); });
    }

    /** The tab as the window builds it: its runs on one lane of the lab context, both figure presets loaded. */
    public static SimplicityLabView create(org.muonscope.app.common.LabContext ctx) {
        SimplicityLabView view = new SimplicityLabView(new SimplicityLabViewModel(ctx.tasks().lane("simplicity-lab"), ctx.ui(),
                ctx.scheduler()), ctx.tasks().lane("figures"), ctx.tasks().lane("simplicity-lab-io"));
        view.vm.loadPreset("simplicity-figure1");
        view.vm.loadPreset("simplicity-figure2");
        return view;
    }

    public SimplicityLabViewModel viewModel() { return vm; }

    /**
     * A fresh chart of a name showing the current results at the cursor (singular-values, loss, distance,
     * routing-gd-grid, routing-specgd-grid, routing-errors, hidden-spectrum); the hosts draw their own.
     */
    public JFreeChart chart(String name) {
        double cursor = SimplicityFigures.DLN.contains(name) ? vm.dlnAnimation().cursor() : vm.routingAnimation().cursor();
        return figures.chart(name, vm.dlnProperty().get(), vm.routingProperty().get(), cursor);
    }

    /** The host showing a chart (same names as {@link #chart}). */
    public org.muonscope.app.common.figure.FigureHost host(String name) { return figures.host(name); }

    /** Shows the deep-linear tab (0) or the routing tab (1). */
    public void selectTab(int i) { tabs.getSelectionModel().select(i); }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private ToolBar toolbar() {
        Button f1 = new Button("Figure 1 preset");
        f1.setId("preset-figure1");
        f1.setOnAction(e -> { vm.loadPreset("simplicity-figure1"); selectTab(0); });
        Button f2 = new Button("Figure 2 preset");
        f2.setId("preset-figure2");
        f2.setOnAction(e -> { vm.loadPreset("simplicity-figure2"); selectTab(1); });
        javafx.scene.control.SplitMenuButton export = org.muonscope.app.common.figure.ExportButton.create("Export figures...", asShown -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Folder for the Simplicity Lab figures");
            java.io.File dir = c.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) export(dir.toPath(), asShown);
        });
        export.setId("export");
        Label title = new Label("Simplicity bias: what SpecGD and Muon give up");
        title.getStyleClass().add("lab-title");
        return new ToolBar(title, f1, f2, export);
    }

    private Node dlnPane() {
        TextField sv = field(vm.singularValuesProperty().get(), "singular-values");
        sv.setOnAction(e -> vm.singularValuesProperty().set(sv.getText()));
        sv.focusedProperty().addListener((o, a, b) -> { if (!b) vm.singularValuesProperty().set(sv.getText()); });
        vm.singularValuesProperty().addListener((o, a, b) -> sv.setText(b));
        ComboBox<Integer> depth = new ComboBox<>();
        depth.getItems().setAll(1, 2, 3, 4);
        depth.valueProperty().bindBidirectional(depthObject);
        depth.setId("depth");
        TextField gd = numberField(vm.gdLrProperty(), "gd-lr");
        TextField init = numberField(vm.initProperty(), "init");
        TextField steps = field(Integer.toString(vm.dlnStepsProperty().get()), "dln-steps");
        steps.setOnAction(e -> parseInt(steps, vm.dlnStepsProperty()));
        vm.dlnStepsProperty().addListener((o, a, b) -> steps.setText(b.toString()));
        stepSlider.setId("specgd-lr");
        stepSlider.setValue(Math.log10(vm.specLrProperty().get()));
        Label lrLabel = new Label();
        Runnable showLr = () -> lrLabel.setText(String.format(Locale.ROOT, "SpecGD step size %.4f", Math.pow(10, stepSlider.getValue())));
        showLr.run();
        stepSlider.valueProperty().addListener((o, a, b) -> {
            showLr.run();
            if (!stepSlider.isValueChanging()) vm.specLrProperty().set(round(Math.pow(10, b.doubleValue())));
        });
        stepSlider.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) vm.specLrProperty().set(round(Math.pow(10, stepSlider.getValue())));
        });
        vm.specLrProperty().addListener((o, a, b) -> {
            if (Math.abs(Math.pow(10, stepSlider.getValue()) - b.doubleValue()) > 1e-9) stepSlider.setValue(Math.log10(b.doubleValue()));
        });
        stepSlider.setTooltip(new Tooltip("log scale, 0.001 to 0.05: SpecGD's oscillation after saturation grows with the step"));
        ComboBox<String> schedule = new ComboBox<>();
        schedule.getItems().setAll("constant", "linear", "cosine");
        schedule.setValue(vm.scheduleProperty().get().toText());
        schedule.setId("schedule");
        schedule.valueProperty().addListener((o, a, b) -> vm.scheduleProperty().set(StepSchedule.parse(b)));
        vm.scheduleProperty().addListener((o, a, b) -> schedule.setValue(b.kind().name().toLowerCase(Locale.ROOT)));
        CheckBox muon = new CheckBox("also Muon (same step)");
        muon.selectedProperty().bindBidirectional(vm.withMuonProperty());
        oscillation.setWrapText(true);
        oscillation.setId("oscillation");
        oscillation.textProperty().bind(vm.oscillationProperty());
        Label note = new Label("Solid: simulation. Dashed: GD sigmoid s/(1+(s/sigma0-1)e^(-2 s eta t)) and SpecGD "
                + "min((eta t)^2, s). Grey lines: the targets s_k. GD learns the large mode first and plateaus; "
                + "SpecGD grows all modes together, the small one saturates first, then it oscillates.");
        note.setWrapText(true);
        note.getStyleClass().add("about");
        VBox controls = new VBox(6,
                new Label("singular values of A"), sv, new Label("depth"), depth, new Label("init std"), init,
                new Label("steps"), steps, new Label("GD step size"), gd, lrLabel, stepSlider,
                new Label("step-size schedule"), schedule, muon, oscillation, note);
        controls.setPadding(new Insets(8));
        controls.setPrefWidth(280);
        controls.setMinWidth(240);
        Node svView = figures.host("singular-values");
        Node lossView = figures.host("loss");
        Node distView = figures.host("distance");
        HBox lower = new HBox(lossView, distView);
        HBox.setHgrow(lossView, Priority.ALWAYS);
        HBox.setHgrow(distView, Priority.ALWAYS);
        VBox center = new VBox(svView, lower, animationBar(vm.dlnAnimation(), "dln"));
        VBox.setVgrow(svView, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        BorderPane p = new BorderPane(center);
        p.setLeft(controls);
        return p;
    }

    private Node routingPane() {
        TextField seed = field(Long.toString(vm.seedProperty().get()), "routing-seed");
        TextField steps = field(Integer.toString(vm.routingStepsProperty().get()), "routing-steps");
        TextField gd = numberField(vm.routingGdLrProperty(), "routing-gd-lr");
        TextField spec = numberField(vm.routingSpecLrProperty(), "routing-specgd-lr");
        TextField init = numberField(vm.routingInitProperty(), "routing-init");
        vm.seedProperty().addListener((o, a, b) -> seed.setText(b.toString()));
        vm.routingStepsProperty().addListener((o, a, b) -> steps.setText(b.toString()));
        Button run = new Button("Train GD and SpecGD");
        run.setId("routing-run");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> {
            try {
                vm.seedProperty().set(Long.parseLong(seed.getText().trim()));
                vm.routingStepsProperty().set(Integer.parseInt(steps.getText().trim()));
            } catch (NumberFormatException ex) {
                vm.errorProperty().set("seed and steps must be whole numbers");
                return;
            }
            vm.runRouting();
        });
        Label note = new Label("7 input and 7 output domains, each number 1..4 coded by its own orthonormal vectors "
                + "per input domain; encoders 64x4, one shared 64x64 W_h, decoders 7x64, no nonlinearity. Trained "
                + "(framed) pairs: (j, j) and (j, j+1). Low unseen error = the shared structure was found. "
                + "GD found it in 6 of 10 seeds measured, SpecGD in none (see README).");
        note.setWrapText(true);
        note.getStyleClass().add("about");
        VBox controls = new VBox(6, new Label("seed"), seed, new Label("steps"), steps, new Label("GD step size"), gd,
                new Label("SpecGD step size"), spec, new Label("init std"), init, run, note);
        controls.setPadding(new Insets(8));
        controls.setPrefWidth(280);
        controls.setMinWidth(240);
        GridPane grid = new GridPane();
        grid.add(figures.host("routing-gd-grid"), 0, 0);
        grid.add(figures.host("routing-specgd-grid"), 1, 0);
        grid.add(figures.host("routing-errors"), 0, 1);
        grid.add(figures.host("hidden-spectrum"), 1, 1);
        for (Node n : grid.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        VBox center = new VBox(grid, animationBar(vm.routingAnimation(), "routing"));
        VBox.setVgrow(grid, Priority.ALWAYS);
        BorderPane p = new BorderPane(center);
        p.setLeft(controls);
        return p;
    }

    private static HBox animationBar(AnimationModel a, String id) {
        Button play = new Button("Play");
        play.setId(id + "-play");
        play.setMinWidth(64);
        play.setOnAction(e -> a.togglePlay());
        a.playingProperty().addListener((o, was, is) -> play.setText(is ? "Pause" : "Play"));
        Button restart = new Button("Restart");
        restart.setOnAction(e -> a.restart());
        Slider scrub = new Slider(0, 1, 0);
        scrub.setId(id + "-scrub");
        scrub.maxProperty().bind(a.maxStepProperty());
        scrub.valueProperty().addListener((o, x, v) -> { if (scrub.isValueChanging() || scrub.isPressed()) a.scrubTo(v.doubleValue()); });
        Label step = new Label("step 0");
        step.setMinWidth(90);
        a.cursorProperty().addListener((o, x, v) -> {
            if (!scrub.isValueChanging()) scrub.setValue(v.doubleValue());
            step.setText("step " + Math.round(v.doubleValue()));
        });
        CheckBox loop = new CheckBox("loop");
        loop.selectedProperty().bindBidirectional(a.loopProperty());
        HBox bar = new HBox(6, restart, play, scrub, step, loop);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("animation-bar");
        return bar;
    }

    private void frame(long now) {
        double dt = lastFrame == 0 ? 0 : (now - lastFrame) / 1e9;
        lastFrame = now;
        vm.dlnAnimation().tick(dt);
        vm.routingAnimation().tick(dt);
        redraw();
    }

    /** Asks the figures to redraw what changed since the last frame (results or cursors). Public so tests can force a frame. */
    public void redraw() {
        figures.update(tabs.getSelectionModel().getSelectedIndex(), vm.dlnProperty().get(), vm.dlnAnimation().cursor(),
                vm.routingProperty().get(), vm.routingAnimation().cursor());
    }

    /**
     * Writes every chart as PNG and SVG (each as its host shows it, or whole), and the current results' CSV/JSON
     * files (as the CLI writes them), here and now.
     */
    public void exportAll(Path dir, boolean asShown) throws IOException {
        exportJob(asShown).write(dir);
    }

    /**
     * As {@link #exportAll}, but written on the io lane so the window keeps drawing; the status line says when the
     * files are there, or why not. What is exported (results, cursors, zooms) is taken now, on the FX thread.
     */
    public void export(Path dir, boolean asShown) {
        ExportJob job = exportJob(asShown);
        vm.statusProperty().set("exporting to " + dir + "…");
        io.execute(() -> {
            String failure = null;
            try {
                job.write(dir);
            } catch (IOException | RuntimeException ex) {
                failure = "export failed: " + ex.getMessage();
            }
            String f = failure;
            vm.ui().execute(() -> {
                if (f == null) vm.statusProperty().set("exported to " + dir);
                else vm.errorProperty().set(f);
            });
        });
    }

    private ExportJob exportJob(boolean asShown) {
        return new ExportJob(figures, figures.zooms(asShown), vm.dlnProperty().get(), vm.dlnAnimation().cursor(),
                vm.routingProperty().get(), vm.routingAnimation().cursor());
    }

    /** One export's inputs, fixed on the FX thread; {@link #write} draws fresh charts, so any thread may run it. */
    private record ExportJob(SimplicityFigures figures, java.util.Map<String, org.muonscope.app.common.figure.Zoom> zooms,
            org.muonscope.engine.experiments.dln.DlnRun dln, double dlnCursor,
            org.muonscope.engine.experiments.routing.RoutingRun routing, double routingCursor) {
        void write(Path dir) throws IOException {
            figures.export(dir, zooms, dln, dlnCursor, routing, routingCursor);
            if (dln != null) Experiments.write(dln.source(), dir.resolve("dln"));
            if (routing != null && routing.source() != null) Experiments.write(routing.source(), dir.resolve("routing"));
        }
    }

    private static TextField field(String text, String id) {
        TextField f = new TextField(text);
        f.setId(id);
        return f;
    }

    private TextField numberField(javafx.beans.property.DoubleProperty p, String id) {
        TextField f = field(format(p.get()), id);
        Runnable commit = () -> {
            try {
                double v = Double.parseDouble(f.getText().trim());
                f.getStyleClass().remove("invalid");
                p.set(v);
            } catch (NumberFormatException ex) {
                if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
                vm.errorProperty().set(id + ": expected a number, got '" + f.getText().trim() + "'");
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, a, b) -> { if (!b) commit.run(); });
        p.addListener((o, a, b) -> f.setText(format(b.doubleValue())));
        return f;
    }

    private void parseInt(TextField f, javafx.beans.property.IntegerProperty p) {
        try {
            p.set(Integer.parseInt(f.getText().trim()));
        } catch (NumberFormatException ex) {
            vm.errorProperty().set(f.getId() + ": expected a whole number, got '" + f.getText().trim() + "'");
        }
    }

    private static String format(double v) {
        return Double.toString(v);
    }

    private static double round(double lr) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", lr));
    }
}
