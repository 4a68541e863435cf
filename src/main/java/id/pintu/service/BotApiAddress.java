package id.pintu.service;

import java.net.URI;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The configured Bot API base URL as the library wants it. */
final class BotApiAddress {
  private BotApiAddress() {}

  static TelegramUrl parse(String apiUrl) {
    URI u;
    try {
      u = URI.create(apiUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new StartupProblem("PINTU_TELEGRAM_API_URL is not a URL (" + apiUrl + "); set it like http://127.0.0.1:8081 or leave it unset for api.telegram.org.");
    }
    String scheme = u.getScheme() == null ? "https" : u.getScheme();
    if (u.getHost() == null) {
      throw new StartupProblem("PINTU_TELEGRAM_API_URL has no host (" + apiUrl + "); set it like http://127.0.0.1:8081.");
    }
    int port = u.getPort() > 0 ? u.getPort() : "http".equals(scheme) ? 80 : 443;
    return new TelegramUrl(scheme, u.getHost(), port, false);
  }
}
