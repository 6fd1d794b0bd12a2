package org.muonscope.engine.run;

/**
 * One measurement of one optimizer at one step: the single event type of every kind of run (theory snapshot,
 * deep-linear point, routing point, CNN evaluation). Which fields {@code values} holds depends on the kind (see its
 * {@code Fields} class).
 *
 * @param optimizer the optimizer's label ({@link org.muonscope.engine.spec.Labels})
 * @param slot      the optimizer's index in the spec
 * @param step      the number of optimizer steps taken when this was measured
 */
public record Record(String optimizer, int slot, long step, Values values) { }
