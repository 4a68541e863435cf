// The wording of the first contact, read from the same dialog files Pintu reads
// (dialogs/*.yaml), so both bots say exactly the same. The flow itself is code in bot.js,
// as a grammY developer would write it; only the words come from the files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const load = (dir, file) => parse(readFileSync(join(dir, file), "utf8"));

export function loadTexts(dir, lang = "id") {
  const fc = load(dir, "first-contact.yaml");
  const crisis = load(dir, "crisis.yaml");
  const info = load(dir, "info.yaml");
  const service = load(dir, "service.yaml");

  const shared = {};
  for (const [k, v] of Object.entries(service.service ?? {})) shared[`service.${k}`] = v[lang];
  shared.help_contacts = (service.help_contacts ?? []).map((c) => {
    let s = `• ${c.name}`;
    if (c.phone != null) s += ` – ${lang === "en" ? "call " : "telepon "}${c.phone}`;
    if (c.whatsapp != null) s += `, WhatsApp ${c.whatsapp}`;
    if (c.web != null) s += `, ${c.web}`;
    if (c.what != null) s += ` (${c.what[lang]}`;
    if (c.when != null) s += `${c.what != null ? "; " : " ("}${c.when[lang]}`;
    if (c.what != null || c.when != null) s += ")";
    return s;
  }).join("\n");

  // {service.hours} etc. are fixed: fill them once. {name} and other fields stay for later.
  const fill = (s, fields = {}) =>
    s.replace(/\{([a-z_][a-z0-9_.]*)\}/g, (m, key) => fields[key] ?? shared[key] ?? (key in fields ? "" : m)).trim();

  const nodes = {};
  for (const script of [fc, crisis, info]) {
    for (const n of script.nodes) {
      const texts = Array.isArray(n.text) ? n.text.map((t) => fill(t[lang])) : n.text ? [fill(n.text[lang])] : [];
      nodes[n.id] = {
        ...n,
        texts,
        text: texts[0],
        invalidText: n.invalid ? fill(n.invalid[lang]) : undefined,
        options: (n.options ?? []).map((o) => ({ value: String(o.value), label: o.label[lang], next: o.next })),
        acks: (n.acknowledgements ?? []).map((a) => a[lang]),
      };
    }
  }
  return { nodes, fill, helpContacts: shared.help_contacts };
}
