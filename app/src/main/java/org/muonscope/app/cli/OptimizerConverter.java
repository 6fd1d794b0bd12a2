package org.muonscope.app.cli;

import org.muonscope.engine.optim.OptimizerSettings;
import org.muonscope.engine.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/** {@code --optimizer NAME[:key=val,...]}: the engine's one text syntax; errors name the optimizer and key. */
public final class OptimizerConverter implements ITypeConverter<OptimizerSettings> {
    @Override
    public OptimizerSettings convert(String value) {
        try {
            return OptimizerSettings.parse(value);
        } catch (SpecException e) {
            // picocli names the option; the message names the optimizer's key
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
