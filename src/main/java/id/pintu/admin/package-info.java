/**
 * The admin HTTP API under {@code /admin} ({@link id.pintu.admin.AdminApi}): versioned scripts
 * ({@link id.pintu.admin.ScriptLibrary}, pinning), the Mermaid graph, cases and their export;
 * {@link id.pintu.admin.CaseView} and {@link id.pintu.admin.ScriptView} (the JSON the console
 * shares); {@link id.pintu.admin.AdminAuth} with {@link id.pintu.admin.AuthThrottle} and
 * {@link id.pintu.admin.TrustedProxies}, shared with the console's login.
 *
 * <p>May depend on Vert.x, Netty, the Telegram bots library, Jackson, Caffeine and SLF4J, and
 * of Pintu on {@link id.pintu.desk}, {@link id.pintu.conversation}, {@link id.pintu.telegram},
 * {@link id.pintu.dialog}, {@link id.pintu.store} and {@link id.pintu.config}.
 */
package id.pintu.admin;
