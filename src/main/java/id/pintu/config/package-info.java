/**
 * The configuration: {@link id.pintu.config.PintuConfig} (records) read from
 * {@code config/pintu.yaml} by {@link id.pintu.config.ConfigLoader}, with
 * {@code PINTU_<SECTION>_<SETTING>} environment overrides, and
 * {@link id.pintu.config.CommandConfig} (which file the {@code run} and {@code rekey} commands
 * read).
 *
 * <p>May depend on Jackson and on no other package of Pintu: every other package reads its
 * settings from here.
 */
package id.pintu.config;
