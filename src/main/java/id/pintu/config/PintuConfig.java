package id.pintu.config;


/**
 * The whole configuration, read from {@code config/pintu.yaml} with environment variables
 * overriding any setting (see {@link ConfigLoader}). Secrets (the bot token, database
 * password, webhook secret) are meant to come from the environment only.
 */
public record PintuConfig(Telegram telegram, Http http, Store store, Dialogs dialogs, Sending sending, Sessions sessions, Flood flood,
                          Desk desk, Admin admin, Privacy privacy, Console console, Encryption encryption) {

  public PintuConfig {
    telegram = telegram == null ? new Telegram(null, null, null, null, null, null) : telegram;
    http = http == null ? new Http(null, null, null) : http;
    store = store == null ? new Store(null, null, null, null) : store;
    dialogs = dialogs == null ? new Dialogs(null, null) : dialogs;
    sending = sending == null ? new Sending(null, null, null, null, null, null, null) : sending;
    sessions = sessions == null ? new Sessions(null, null, null, null) : sessions;
    flood = flood == null ? new Flood(null, null) : flood;
    desk = desk == null ? new Desk(null, null, null, null, null, null, null, null, null) : desk;
    admin = admin == null ? new Admin(null, null, null, null, null, null, null, null) : admin;
    privacy = privacy == null ? new Privacy(null) : privacy;
    console = console == null ? new Console(null, null, null, null) : console;
    encryption = encryption == null ? new Encryption(null, null, null, null) : encryption;
  }

  /**
   * Privacy. {@code retentionDays}: a closed case's personal data is deleted this many days
   * after it was closed. The consent text in {@code dialogs/first-contact.yaml} states the
   * same number to families; keep them in agreement (a test checks the shipped pair).
   */
  public record Privacy(Integer retentionDays) {
    public static final int DEFAULT_RETENTION_DAYS = 365;

    public Privacy {
      retentionDays = retentionDays == null ? DEFAULT_RETENTION_DAYS : atLeast("privacy.retentionDays", retentionDays, 1);
    }
  }

  /**
   * @param mode {@code polling} (default) or {@code webhook}
   * @param apiUrl Bot API base URL, e.g. {@code https://api.telegram.org} or a local server
   * @param webhookUrl the public URL Telegram should post to (webhook mode)
   */
  public record Telegram(String token, String apiUrl, String mode, String webhookUrl, String webhookSecret, Integer pollTimeoutSeconds) {
    public Telegram {
      apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl;
      mode = mode == null || mode.isBlank() ? "polling" : oneOf("telegram.mode", mode.trim().toLowerCase(java.util.Locale.ROOT), "polling", "webhook");
      pollTimeoutSeconds = pollTimeoutSeconds == null ? 50 : between("telegram.pollTimeoutSeconds", pollTimeoutSeconds, 0, 600);
    }

    public boolean webhook() {
      return "webhook".equals(mode);
    }
  }

  /**
   * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the client (for the admin
   *     throttle and the console's log), as addresses or CIDR ranges, comma-separated, e.g. {@code "127.0.0.1, 10.0.0.0/24"};
   *     unset: none, every request is from the address that connected
   */
  public record Http(Integer port, String host, String trustedProxies) {
    public Http {
      port = port == null ? 8080 : between("http.port", port, 0, 65535);
      host = host == null || host.isBlank() ? "0.0.0.0" : host;
    }
  }

  /** JDBC store: H2 in a file by default; a {@code jdbc:postgresql:} URL for several nodes. */
  public record Store(String url, String user, String password, Integer poolSize) {
    public Store {
      url = url == null || url.isBlank() ? "jdbc:h2:file:./data/pintu" : url;
      user = user == null ? (url.startsWith("jdbc:h2:") ? "sa" : "") : user;
      password = password == null ? "" : password;
      poolSize = poolSize == null ? 10 : between("store.poolSize", poolSize, 1, 500);
    }
  }

  public record Dialogs(String dir, Integer watchSeconds) {
    public Dialogs {
      dir = dir == null || dir.isBlank() ? "dialogs" : dir;
      watchSeconds = watchSeconds == null ? 3 : atLeast("dialogs.watchSeconds", watchSeconds, 0);
    }
  }

  /**
   * Telegram's limits, as the sender respects them.
   *
   * @param perChatBurst messages a private chat may get at once before the 1/s pace applies
   * @param perChatPerSecond steady messages per second to one private chat
   * @param perGroupPerMinute messages per minute to one group (the staff chat)
   * @param globalPerSecond messages per second across all chats
   * @param maxBackoffSeconds longest wait between retries of a failing send
   */
  public record Sending(Integer perChatBurst, Double perChatPerSecond, Integer perGroupPerMinute, Double globalPerSecond,
                        Integer maxBackoffSeconds, Integer workers, Integer pollMillis) {
    public Sending {
      perChatBurst = perChatBurst == null ? 3 : atLeast("sending.perChatBurst", perChatBurst, 1);
      perChatPerSecond = perChatPerSecond == null ? 1.0 : positive("sending.perChatPerSecond", perChatPerSecond);
      perGroupPerMinute = perGroupPerMinute == null ? 20 : atLeast("sending.perGroupPerMinute", perGroupPerMinute, 1);
      globalPerSecond = globalPerSecond == null ? 30.0 : positive("sending.globalPerSecond", globalPerSecond);
      maxBackoffSeconds = maxBackoffSeconds == null ? 60 : atLeast("sending.maxBackoffSeconds", maxBackoffSeconds, 1);
      workers = workers == null ? 8 : between("sending.workers", workers, 1, 256);
      pollMillis = pollMillis == null ? 250 : between("sending.pollMillis", pollMillis, 1, 60_000);
    }
  }

  /**
   * @param reminderAfterMinutes one gentle reminder after this long without a word from the family
   * @param closeAfterMinutes the conversation is closed after this long
   * @param cacheSize hot sessions kept in memory
   */
  public record Sessions(Integer reminderAfterMinutes, Integer closeAfterMinutes, Integer cacheSize, Integer sweepSeconds) {
    public Sessions {
      sweepSeconds = sweepSeconds == null ? 60 : atLeast("sessions.sweepSeconds", sweepSeconds, 1);
      reminderAfterMinutes = reminderAfterMinutes == null ? 30 : atLeast("sessions.reminderAfterMinutes", reminderAfterMinutes, 1);
      closeAfterMinutes = closeAfterMinutes == null ? 24 * 60 : atLeast("sessions.closeAfterMinutes", closeAfterMinutes, 1);
      cacheSize = cacheSize == null ? 20_000 : atLeast("sessions.cacheSize", cacheSize, 1);
    }
  }

  /** A family writing more than {@code messages} within {@code windowSeconds} is slowed down politely. */
  public record Flood(Integer messages, Integer windowSeconds) {
    public Flood {
      messages = messages == null ? 8 : atLeast("flood.messages", messages, 1);
      windowSeconds = windowSeconds == null ? 10 : atLeast("flood.windowSeconds", windowSeconds, 1);
    }
  }

  /**
   * The counselors' desk: a forum supergroup (the staff chat) where each handed-off case gets
   * a topic. Lists (staff, on-call) come from the YAML file only; the staff list is re-read
   * from {@code staffFile} when that file changes, without a restart. Office hours are not
   * here: admins keep them in {@code dialogs/service.yaml} ({@code office_hours:}).
   *
   * @param staffChatId the staff supergroup's chat id (e.g. -1001234567890); unset turns the desk off
   * @param staff who may act: Telegram user id, role (counselor, supervisor, admin), display alias
   * @param claimMinutes an unclaimed normal case is announced again after this long, and again every this long
   * @param urgentClaimMinutes the same for urgent (crisis) cases
   * @param onCall Telegram user ids pinged at once for every crisis, in or out of office hours (a private message,
   *     and a mention in the staff chat when there is one); read with or without a staff chat
   * @param staffFile the YAML file whose {@code desk.staff} list is watched for changes
   * @param sweepSeconds how often unclaimed cases and the waiting room are looked at
   * @param waitingUpdateMinutes a waiting family is told their new place in line at most this often
   */
  public record Desk(Long staffChatId, java.util.List<Staff> staff, Integer claimMinutes, Integer urgentClaimMinutes,
                     java.util.List<Long> onCall, String staffFile, Integer staffCheckSeconds, Integer sweepSeconds,
                     Integer waitingUpdateMinutes) {
    public Desk {
      staff = staff == null ? java.util.List.of() : java.util.List.copyOf(staff);
      claimMinutes = claimMinutes == null ? 30 : atLeast("desk.claimMinutes", claimMinutes, 1);
      urgentClaimMinutes = urgentClaimMinutes == null ? 5 : atLeast("desk.urgentClaimMinutes", urgentClaimMinutes, 1);
      onCall = onCall == null ? java.util.List.of() : java.util.List.copyOf(onCall);
      staffFile = staffFile == null || staffFile.isBlank() ? "config/pintu.yaml" : staffFile;
      staffCheckSeconds = staffCheckSeconds == null ? 10 : atLeast("desk.staffCheckSeconds", staffCheckSeconds, 1);
      sweepSeconds = sweepSeconds == null ? 30 : atLeast("desk.sweepSeconds", sweepSeconds, 1);
      waitingUpdateMinutes = waitingUpdateMinutes == null ? 5 : atLeast("desk.waitingUpdateMinutes", waitingUpdateMinutes, 1);
    }

    public boolean enabled() {
      return staffChatId != null && staffChatId != 0;
    }
  }

  /** One member of staff. {@code role}: counselor, supervisor or admin. */
  public record Staff(Long userId, String role, String alias) {}

  /**
   * The admin HTTP API.
   *
   * @param token the admin token ({@code PINTU_ADMIN_TOKEN}); role admin
   * @param tokens more tokens, by reference to environment variables: {@code "role:ENV_VAR, ..."},
   *     e.g. {@code "supervisor:PINTU_TOKEN_ANA, viewer:PINTU_TOKEN_BUDI"}; the variable's name is
   *     the token's name in the audit log. Roles: admin, supervisor, viewer.
   * @param secrets the referenced variables' values, filled in by {@link ConfigLoader}; never written in a file
   * @param protectMetrics true: {@code /metrics} and {@code /health/*} need a token too (any role)
   * @param readyInboxBacklog {@code /health/ready} fails when more chats than this have updates waiting in the inbox
   * @param readyOutboxBacklog more chats than this waiting for a reply are reported by {@code /health/ready}, never a reason
   * @param telegramCheckSeconds how often a worker asks Telegram getWebhookInfo (reachable? pending updates? webhook set?)
   * @param readyTelegramDownSeconds no longer read: a Telegram outage is reported, never a readiness reason (docs/DEPLOY.md)
   */
  public record Admin(String token, String tokens, java.util.Map<String, String> secrets, Boolean protectMetrics,
                      Integer readyInboxBacklog, Integer readyOutboxBacklog, Integer telegramCheckSeconds,
                      Integer readyTelegramDownSeconds) {
    public Admin {
      secrets = secrets == null ? java.util.Map.of() : java.util.Map.copyOf(secrets);
      protectMetrics = protectMetrics != null && protectMetrics;
      readyInboxBacklog = readyInboxBacklog == null ? 1000 : atLeast("admin.readyInboxBacklog", readyInboxBacklog, 0);
      readyOutboxBacklog = readyOutboxBacklog == null ? 1000 : atLeast("admin.readyOutboxBacklog", readyOutboxBacklog, 0);
      telegramCheckSeconds = telegramCheckSeconds == null ? 30 : atLeast("admin.telegramCheckSeconds", telegramCheckSeconds, 1);
      readyTelegramDownSeconds = readyTelegramDownSeconds == null ? 120 : atLeast("admin.readyTelegramDownSeconds", readyTelegramDownSeconds, 0);
    }
  }

  /**
   * The web console at {@code /console/} (login with an admin token).
   *
   * @param enabled false: no console routes at all
   * @param secureCookie true behind https: the session cookie is sent over https only
   * @param idleMinutes a console session ends after this long without a request
   * @param zone the time zone "today" means on the dashboard
   */
  public record Console(Boolean enabled, Boolean secureCookie, Integer idleMinutes, String zone) {
    public Console {
      enabled = enabled == null || enabled;
      secureCookie = secureCookie != null && secureCookie;
      idleMinutes = idleMinutes == null ? 30 : atLeast("console.idleMinutes", idleMinutes, 1);
      zone = zone == null || zone.isBlank() ? "Asia/Jakarta" : zone.trim();
    }
  }

  /**
   * Encryption at rest (see docs/PRIVACY.md). The keys are secrets: environment only.
   *
   * @param key the current data key, base64 of 32 bytes ({@code PINTU_ENCRYPTION_KEY}); unset: read or made in {@code keyFile}
   * @param keyId its id, stored with every value ({@code PINTU_ENCRYPTION_KEY_ID}, default {@code k1})
   * @param oldKeys keys that still decrypt, {@code id:base64,id2:base64} ({@code PINTU_ENCRYPTION_OLD_KEYS})
   * @param keyFile where a single office without a key keeps the one made for it; default beside the H2 file
   *     ({@code ./data/pintu.key} for the default store), or {@code ./data/pintu.key} for PostgreSQL
   */
  public record Encryption(String key, String keyId, String oldKeys, String keyFile) {}

  // A setting out of its range stops the start (ConfigLoader names the file): a silent default
  // would run the service differently from what the admin wrote.
  static int between(String key, int v, int min, int max) {
    if (v < min || v > max) throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + v);
    return v;
  }

  static int atLeast(String key, int v, int min) {
    if (v < min) throw new IllegalArgumentException(key + " must be " + min + " or more, not " + v);
    return v;
  }

  static double positive(String key, double v) {
    if (!(v > 0)) throw new IllegalArgumentException(key + " must be more than 0, not " + v);
    return v;
  }

  static String oneOf(String key, String v, String... allowed) {
    for (String a : allowed) if (a.equals(v)) return v;
    throw new IllegalArgumentException(key + " must be " + String.join(" or ", allowed) + ", not '" + v + "'");
  }
}
