/**
 * The running service: {@link id.pintu.service.PintuService} wires store, engine, lanes,
 * sender, transports and the HTTP server ({@link id.pintu.service.ConsoleWiring},
 * {@link id.pintu.service.HealthEndpoints}, {@link id.pintu.service.PintuMetrics});
 * {@link id.pintu.service.RunCommand} starts it; {@link id.pintu.service.StartupProblem} says
 * in one sentence why it cannot.
 *
 * <p>The top of the layering: may depend on every other package of Pintu, and none depends on
 * it (only {@code id.pintu.Main}). Uses Vert.x, Micrometer, the Telegram bots library, Jackson
 * and SLF4J.
 */
package id.pintu.service;
