// Bahasa Indonesia first; English when the admin switches. Plain words for non-programmers.
const TEXTS = {
  id: {
    'login.intro': 'Konsol untuk pengelola layanan. Masukkan token admin Anda untuk masuk.',
    'login.token': 'Token admin',
    'login.submit': 'Masuk',
    'login.wrong': 'Token ini tidak dikenal. Periksa lagi, lalu coba sekali lagi.',
    'login.failed': 'Tidak bisa masuk sekarang. Coba lagi sebentar lagi.',
    'login.throttled': 'Token ini tidak dikenal, dan sudah terlalu banyak token salah akhir-akhir ini. Tunggu sebentar, lalu periksa token Anda.',
    'lang.other': 'English',
    'nav.dashboard': 'Ringkasan', 'nav.scripts': 'Naskah', 'nav.cases': 'Kasus', 'nav.logout': 'Keluar',
    'common.loading': 'Memuat…', 'common.error': 'Ada masalah: ', 'common.none': 'Belum ada.',
    'dash.title': 'Ringkasan layanan',
    'dash.conversations': 'Percakapan hari ini', 'dash.handoffs': 'Diserahkan ke konselor hari ini',
    'dash.crisis': 'Tanda bahaya hari ini', 'dash.queue': 'Menunggu konselor sekarang',
    'dash.median': 'Waktu tunggu (median, 30 hari)', 'dash.p90': 'Waktu tunggu (9 dari 10 keluarga, 30 hari)',
    'dash.minutes': 'menit', 'dash.perDay': 'Percakapan per hari (30 hari)', 'dash.claimPerDay': 'Waktu tunggu per hari (median, menit)',
    'dash.dropoffs': 'Di mana keluarga berhenti (sejak layanan dinyalakan)', 'dash.delivery': 'Pengiriman pesan',
    'dash.script': 'Naskah', 'dash.node': 'Langkah', 'dash.how': 'Cara', 'dash.count': 'Jumlah',
    'dash.how.stopped': 'menulis /berhenti', 'dash.how.silent': 'tidak membalas',
    'dash.inbox': 'Pesan masuk yang belum diproses', 'dash.outbox': 'Balasan yang belum terkirim',
    'dash.429': 'Ditolak Telegram karena terlalu cepat (429)', 'dash.failed': 'Gagal dikirim', 'dash.sent': 'Terkirim',
    'dash.transport': 'Sambungan ke Telegram',
    'scripts.title': 'Naskah percakapan', 'scripts.version': 'versi', 'scripts.by': 'oleh', 'scripts.open': 'Buka',
    'ed.problems': 'Yang perlu diperbaiki', 'ed.noProblems': 'Tidak ada masalah. Naskah ini siap diterbitkan.',
    'ed.line': 'Baris', 'ed.checking': 'Memeriksa…',
    'ed.tab.graph': 'Gambar alur', 'ed.tab.try': 'Coba', 'ed.tab.history': 'Riwayat',
    'ed.comment': 'Catatan perubahan (misalnya: memperhalus salam pembuka)', 'ed.publish': 'Terbitkan',
    'ed.published': 'Versi {v} sudah diterbitkan. Percakapan baru memakai versi ini.',
    'ed.notPublished': 'Belum diterbitkan: perbaiki dulu hal-hal di bawah.',
    'ed.viewerOnly': 'Anda hanya bisa melihat dan mencoba; menerbitkan perlu peran admin.',
    'ed.graphBroken': 'Gambar belum bisa dibuat sampai naskahnya terbaca.',
    'try.start': 'Mulai dari awal', 'try.hint': 'Coba naskah yang sedang Anda sunting, seperti sebuah keluarga. Tidak ada yang disimpan.',
    'try.send': 'Kirim', 'try.placeholder': 'Tulis seperti keluarga…', 'try.counselor': '/konselor',
    'try.handoff': 'Diserahkan ke konselor (antrean {queue}, prioritas {priority}). Di Telegram, kasus ini sekarang muncul di grup staf.', 'try.ended': 'Percakapan selesai.', 'try.flag': 'Tanda',
    'try.fixFirst': 'Perbaiki dulu masalah di naskah, lalu coba lagi.', 'try.expired': 'Percobaan ini sudah berakhir; mulai lagi.',
    'hist.compare': 'Bandingkan', 'hist.rollback': 'Kembalikan ke versi ini', 'hist.from': 'Dari', 'hist.to': 'ke',
    'hist.confirm': 'Terbitkan lagi isi versi {v} sebagai versi baru?', 'hist.rolledBack': 'Versi {v} diterbitkan lagi sebagai versi {n}.',
    'hist.same': 'Kedua versi sama.',
    'cases.title': 'Kasus', 'cases.search': 'Cari nomor kasus atau kata dari data awal', 'cases.all': 'Semua status',
    'cases.find': 'Cari', 'cases.no': 'No.', 'cases.status': 'Status', 'cases.opened': 'Dibuka', 'cases.name': 'Nama',
    'cases.flags': 'Tanda', 'cases.priority': 'Prioritas', 'cases.found': '{n} kasus',
    'case.intake': 'Data awal', 'case.story': 'Cerita keluarga', 'case.transcript': 'Percakapan', 'case.notes': 'Catatan konselor',
    'case.history': 'Riwayat kasus', 'case.back': '← Kembali ke daftar', 'case.audited': 'Setiap kali kasus dibuka, tercatat di log audit.',
    'case.family': 'Keluarga', 'case.bot': 'Pintu',
    'event.opened': 'Dibuka', 'event.handed_off': 'Diserahkan ke konselor', 'event.closed': 'Ditutup', 'event.other_case': 'Kasus lain keluarga ini',
    'svc.title': 'Layanan', 'svc.intro': 'Kontak bantuan, daftar rujukan, dan jam layanan. Setiap simpanan menjadi versi baru (lihat riwayat di bawah).',
    'svc.contacts': 'Kontak bantuan', 'svc.contactsHint': 'Nomor yang diberikan kepada keluarga dalam keadaan darurat, sesuai urutan ini.',
    'svc.referrals': 'Daftar rujukan', 'svc.referralsHint': 'Lembaga tujuan rujukan konselor (/rujuk <kode>). Kode pendek, huruf kecil, tanpa spasi.',
    'svc.hours': 'Jam layanan', 'svc.hoursHint': 'Kapan konselor menjawab. Hari: mon-fri, sat, atau mon,wed,fri; jam "08:00" (24 jam); hari libur: tanggal 2026-12-25.',
    'svc.name': 'Nama', 'svc.phone': 'Telepon', 'svc.whatsapp': 'WhatsApp', 'svc.whatId': 'Untuk apa (Indonesia)', 'svc.whatEn': 'Untuk apa (Inggris)',
    'svc.refId': 'Kode', 'svc.contact': 'Kontak', 'svc.address': 'Alamat',
    'svc.timezone': 'Zona waktu', 'svc.weekly': 'Jam mingguan', 'svc.days': 'Hari', 'svc.from': 'Dari', 'svc.to': 'Sampai',
    'svc.holidays': 'Hari libur', 'svc.holiday': 'Tanggal',
    'svc.add': '+ Tambah baris', 'svc.remove': 'Hapus', 'svc.up': 'Naik', 'svc.down': 'Turun',
    'svc.comment': 'Catatan perubahan (misalnya: nomor SAPA baru)', 'svc.save': 'Simpan dan terbitkan',
    'svc.saved': 'Versi {v} sudah diterbitkan dan langsung berlaku.', 'svc.notSaved': 'Belum disimpan: perbaiki dulu hal yang ditandai. Versi yang berjalan tidak berubah.',
    'svc.unchanged': 'Tidak ada yang berubah.', 'svc.viewerOnly': 'Anda hanya bisa melihat; menyimpan perlu peran admin.',
    'nav.service': 'Layanan',
    'status.open': 'sedang berjalan', 'status.waiting': 'menunggu konselor', 'status.claimed': 'ditangani', 'status.closed': 'selesai',
  },
  en: {
    'login.intro': "The console for the service's managers. Enter your admin token to log in.",
    'login.token': 'Admin token', 'login.submit': 'Log in',
    'login.wrong': 'This token is not known. Check it and try once more.',
    'login.failed': 'Cannot log in right now. Try again in a moment.',
    'login.throttled': 'This token is not known, and too many wrong tokens came lately. Wait a moment, then check your token.',
    'lang.other': 'Bahasa Indonesia',
    'nav.dashboard': 'Overview', 'nav.scripts': 'Scripts', 'nav.cases': 'Cases', 'nav.logout': 'Log out',
    'common.loading': 'Loading…', 'common.error': 'Something went wrong: ', 'common.none': 'Nothing yet.',
    'dash.title': 'Service overview',
    'dash.conversations': 'Conversations today', 'dash.handoffs': 'Handed to a counselor today',
    'dash.crisis': 'Danger signs today', 'dash.queue': 'Waiting for a counselor now',
    'dash.median': 'Wait for a counselor (median, 30 days)', 'dash.p90': 'Wait (9 in 10 families, 30 days)',
    'dash.minutes': 'minutes', 'dash.perDay': 'Conversations per day (30 days)', 'dash.claimPerDay': 'Wait per day (median, minutes)',
    'dash.dropoffs': 'Where families stopped (since the service started)', 'dash.delivery': 'Message delivery',
    'dash.script': 'Script', 'dash.node': 'Step', 'dash.how': 'How', 'dash.count': 'Count',
    'dash.how.stopped': 'wrote /stop', 'dash.how.silent': 'went silent',
    'dash.inbox': 'Incoming messages not yet processed', 'dash.outbox': 'Replies not yet sent',
    'dash.429': 'Refused by Telegram for going too fast (429)', 'dash.failed': 'Could not be sent', 'dash.sent': 'Sent',
    'dash.transport': 'Connection to Telegram',
    'scripts.title': 'Conversation scripts', 'scripts.version': 'version', 'scripts.by': 'by', 'scripts.open': 'Open',
    'ed.problems': 'To fix', 'ed.noProblems': 'No problems. This script is ready to publish.',
    'ed.line': 'Line', 'ed.checking': 'Checking…',
    'ed.tab.graph': 'Flow picture', 'ed.tab.try': 'Try it', 'ed.tab.history': 'History',
    'ed.comment': 'What changed (e.g. a gentler greeting)', 'ed.publish': 'Publish',
    'ed.published': 'Version {v} is published. New conversations use it.',
    'ed.notPublished': 'Not published: fix the points below first.',
    'ed.viewerOnly': 'You can look and try; publishing needs the admin role.',
    'ed.graphBroken': 'The picture appears once the script can be read.',
    'try.start': 'Start over', 'try.hint': 'Try the script you are editing, as a family would. Nothing is stored.',
    'try.send': 'Send', 'try.placeholder': 'Write as a family would…', 'try.counselor': '/konselor',
    'try.handoff': 'Handed to a counselor (queue {queue}, priority {priority}). On Telegram, the case would now appear in the staff group.', 'try.ended': 'The conversation ended.', 'try.flag': 'Flag',
    'try.fixFirst': 'Fix the problems in the script first, then try again.', 'try.expired': 'This try has ended; start again.',
    'hist.compare': 'Compare', 'hist.rollback': 'Go back to this version', 'hist.from': 'From', 'hist.to': 'to',
    'hist.confirm': 'Publish the text of version {v} again as a new version?', 'hist.rolledBack': 'Version {v} published again as version {n}.',
    'hist.same': 'The two versions are the same.',
    'cases.title': 'Cases', 'cases.search': 'Search a case number or a word from the intake', 'cases.all': 'Any status',
    'cases.find': 'Search', 'cases.no': 'No.', 'cases.status': 'Status', 'cases.opened': 'Opened', 'cases.name': 'Name',
    'cases.flags': 'Flags', 'cases.priority': 'Priority', 'cases.found': '{n} cases',
    'case.intake': 'Intake', 'case.story': "The family's story", 'case.transcript': 'Conversation', 'case.notes': "Counselors' notes",
    'case.history': 'Case history', 'case.back': '← Back to the list', 'case.audited': 'Every time a case is opened, the audit log records it.',
    'case.family': 'Family', 'case.bot': 'Pintu',
    'event.opened': 'Opened', 'event.handed_off': 'Handed to a counselor', 'event.closed': 'Closed', 'event.other_case': "The family's other case",
    'svc.title': 'Service', 'svc.intro': 'Help contacts, referral directory and office hours. Every save becomes a new version (see the history below).',
    'svc.contacts': 'Help contacts', 'svc.contactsHint': 'The numbers families get in an emergency, in this order.',
    'svc.referrals': 'Referral directory', 'svc.referralsHint': 'Where counselors refer families (/rujuk <id>). Short ids, lower case, no spaces.',
    'svc.hours': 'Office hours', 'svc.hoursHint': 'When counselors answer. Days: mon-fri, sat, or mon,wed,fri; times "08:00" (24 hours); holidays: dates like 2026-12-25.',
    'svc.name': 'Name', 'svc.phone': 'Phone', 'svc.whatsapp': 'WhatsApp', 'svc.whatId': 'What for (Indonesian)', 'svc.whatEn': 'What for (English)',
    'svc.refId': 'Id', 'svc.contact': 'Contact', 'svc.address': 'Address',
    'svc.timezone': 'Time zone', 'svc.weekly': 'Weekly hours', 'svc.days': 'Days', 'svc.from': 'From', 'svc.to': 'To',
    'svc.holidays': 'Holidays', 'svc.holiday': 'Date',
    'svc.add': '+ Add a row', 'svc.remove': 'Remove', 'svc.up': 'Up', 'svc.down': 'Down',
    'svc.comment': 'What changed (e.g. new SAPA number)', 'svc.save': 'Save and publish',
    'svc.saved': 'Version {v} is published and in use now.', 'svc.notSaved': 'Not saved: fix the marked points first. The running version is unchanged.',
    'svc.unchanged': 'Nothing changed.', 'svc.viewerOnly': 'You can look; saving needs the admin role.',
    'nav.service': 'Service',
    'status.open': 'in progress', 'status.waiting': 'waiting for a counselor', 'status.claimed': 'being handled', 'status.closed': 'closed',
  },
};

export function lang() {
  return localStorage.getItem('pintu.lang') === 'en' ? 'en' : 'id';
}

export function t(key, vars = {}) {
  let s = TEXTS[lang()][key] ?? TEXTS.id[key] ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.replace('{' + k + '}', String(v));
  return s;
}

/** Fills every [data-t] element and wires the language switch (which reloads the view). */
export function translatePage(onSwitch) {
  document.documentElement.lang = lang();
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.textContent = t('lang.other');
    toggle.onclick = (e) => {
      e.preventDefault();
      localStorage.setItem('pintu.lang', lang() === 'id' ? 'en' : 'id');
      translatePage(onSwitch);
      if (onSwitch) onSwitch();
    };
  }
}
