/**
 * The web console at {@code /console/} (docs/CONSOLE.md): {@link id.pintu.console.ConsoleServer}
 * (session login with an admin token, CSRF and origin checks, pages from the jar),
 * {@link id.pintu.console.ConsoleScripts} and {@link id.pintu.console.TryIt} (drafts run on the
 * pure engine, state in memory only), {@link id.pintu.console.ConsoleDashboard},
 * {@link id.pintu.console.ConsoleCases} and the service forms
 * ({@link id.pintu.console.ConsoleService}). Front-end sources in {@code src/main/console/}.
 *
 * <p>May depend on Vert.x, Jackson, Caffeine and SLF4J, and of Pintu on {@link id.pintu.admin},
 * {@link id.pintu.dialog}, {@link id.pintu.safety}, {@link id.pintu.store} and
 * {@link id.pintu.config}.
 */
package id.pintu.console;
