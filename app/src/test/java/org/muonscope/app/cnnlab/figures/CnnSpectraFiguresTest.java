package org.muonscope.app.cnnlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.muonscope.app.cnnlab.EvalPoint;
import org.muonscope.app.cnnlab.RunInfo;

class CnnSpectraFiguresTest {

    private static EvalPoint eval(long step, double[][] sv) {
        double[] rank = new double[sv.length];
        for (int i = 0; i < sv.length; i++) rank[i] = sv[i].length - 0.5;
        return new EvalPoint(step, 0, step * 64, step, 1, 0.5, 0.5, 0.2, new double[] {0.5, 0.5}, Double.NaN, Double.NaN,
                new double[0], Double.NaN, null, sv, rank);
    }

    private static CnnRunData run(String label, String kind, List<String> layers, double scale) {
        RunInfo info = new RunInfo(List.of("a", "b"), new int[] {10, 10}, List.of(), 20, layers);
        List<EvalPoint> h = List.of(
                eval(10, new double[][] {{scale, 0.5}, {2 * scale, 1, 0.5, 0.0}, {1}}),
                eval(20, new double[][] {{2 * scale, 0.6}, {4 * scale, 1.2, 0.6, 1e-9}, {1.5}}));
        return new CnnRunData(label, kind, "plain", info, h);
    }

    @Test
    void theDefaultLayerIsTheFirstHiddenOne() {
        assertEquals("conv2.weight", CnnSpectraFigures.defaultLayer(List.of("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight")));
        assertEquals("fc1.weight", CnnSpectraFigures.defaultLayer(List.of("fc1.weight", "fc2.weight")), "no hidden layer: the first");
        assertNull(CnnSpectraFigures.defaultLayer(List.of()));
    }

    @Test
    void onePanelPerRunOnALogAxisAndARunWithoutTheLayerIsNamed() {
        List<String> three = List.of("in.weight", "hidden.weight", "out.weight");
        CnnRunData sgd = run("SGD", "gd", three, 1), muon = run("Muon", "muon", three, 3);
        CnnRunData other = run("MLP", "adam", List.of("a.weight", "b.weight", "c.weight"), 1);
        JFreeChart ch = CnnSpectraFigures.spectra(List.of(sgd, muon, other), "hidden.weight", 20);
        List<XYPlot> panels = ((CombinedDomainXYPlot) ch.getPlot()).getSubplots();
        assertEquals(2, panels.size(), "SGD and Muon; the MLP has no hidden.weight");
        assertTrue(panels.get(0).getRangeAxis() instanceof LogAxis);
        assertEquals(4, panels.get(1).getDataset().getSeriesCount(), "one line per singular value");
        assertEquals(12.0, panels.get(1).getDataset().getYValue(0, 1), 0, "Muon's s_1 at step 20");
        // a value that is 0 sits on the axis floor instead of vanishing from the log axis
        assertEquals(1e-6, panels.get(0).getDataset().getYValue(3, 0), 0);
        assertTrue(ch.getSubtitles().stream().anyMatch(t -> t instanceof TextTitle tt && tt.getText().contains("without hidden.weight: MLP")));

        String csv = CnnFigureSet.byName(CnnFigureSet.spectra(List.of(sgd, muon), null, 20)).get("spectra").csv();
        assertTrue(csv.contains("Muon,muon,20,hidden.weight,1,12.0000\n"), csv);
        assertEquals(2 * 2 * 4, csv.lines().count() - 1);
    }

    @Test
    void effectiveRankHasAPanelPerLayerAndALinePerRun() {
        List<String> three = List.of("in.weight", "hidden.weight", "out.weight");
        JFreeChart ch = CnnSpectraFigures.layerRank(List.of(run("SGD", "gd", three, 1), run("Muon", "muon", three, 3)), 20);
        List<XYPlot> panels = ((CombinedDomainXYPlot) ch.getPlot()).getSubplots();
        assertEquals(3, panels.size());
        assertEquals("hidden (of 4)", panels.get(1).getRangeAxis().getLabel());
        assertEquals(2, panels.get(1).getDataset().getSeriesCount());
        assertEquals(3.5, panels.get(1).getDataset().getYValue(1, 0), 0);
        String csv = CnnSpectraFigures.layerRankCsv(List.of(run("SGD", "gd", three, 1)));
        assertTrue(csv.contains("SGD,gd,10,out.weight,0.500000\n"), csv);
    }

    @Test
    void logTicksAreNumbersAReaderReadsAndAtMostEight() {
        // a trained layer's values over one decade: more than the one label powers of ten would give
        assertEquals(List.of(0.3, 0.5, 0.7, 1.0, 1.5), SpectrumLogAxis.tickValues(0.26, 1.8));
        assertEquals(List.of(0.5, 1.0, 2.0, 5.0), SpectrumLogAxis.tickValues(0.3, 8));
        assertEquals(List.of(1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1.0, 10.0), SpectrumLogAxis.tickValues(1e-6, 30));
        assertEquals(List.of(1e-10, 1e-8, 1e-6, 1e-4, 0.01, 1.0), SpectrumLogAxis.tickValues(1e-10, 5));
        assertEquals("0.3", SpectrumLogAxis.label(0.3));
        assertEquals("1.5", SpectrumLogAxis.label(1.5));
        assertEquals("1e-6", SpectrumLogAxis.label(1e-6));
        assertEquals("2e5", SpectrumLogAxis.label(2e5));
    }

    @Test
    void runsWithoutSpectraHaveNoSpectralFigures() {
        CnnRunData old = CnnFiguresTest.run("SGD", "gd", false);
        assertTrue(CnnFigureSet.spectra(List.of(old), null, 20).isEmpty());
        assertTrue(old.layers().isEmpty());
    }
}
