/**
 * The secret values of this process's configuration: the Odoo password and
 * API key, the hash key (ELT_HASH_KEY), and the passwords inside ODOO_URL and
 * DATABASE_URL (or PGPASSWORD).
 * The logger masks them in every line and the CLI in its last error line, as
 * a last line of defence behind messages that never include them.
 */
export function secretValues(source: NodeJS.ProcessEnv = process.env): string[] {
  const values = [source.ODOO_PASSWORD, source.ODOO_API_KEY, source.PGPASSWORD, source.ELT_HASH_KEY, urlPassword(source.ODOO_URL), urlPassword(source.DATABASE_URL)];
  // Too short a value would mask ordinary words; such a secret is no secret anyway.
  return [...new Set(values.filter((v): v is string => v !== undefined && v.trim().length >= 4))];
}

/**
 * Replaces every secret (as is, URL-encoded, or escaped inside a JSON string) with [redacted].
 * A short all-word secret (a weak password such as "admin") is masked only as a whole word,
 * or PostgreSQL's "due to administrator command" would read "due to [redacted]istrator command".
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      if (form.length < WHOLE_WORD_BELOW && /^\w+$/.test(form)) {
        masked = masked.replace(new RegExp(`(?<!\\w)${form}(?!\\w)`, 'g'), '[redacted]');
      } else {
        masked = masked.split(form).join('[redacted]');
      }
    }
  }
  return masked;
}

const WHOLE_WORD_BELOW = 12;

function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}
