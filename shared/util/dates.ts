// Dates and times as the app shows them, whatever the system locale: 2025-11-21 and 2025-11-21 09:30:05.

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as local `YYYY-MM-DD HH:mm:ss`; the text itself when it is not a time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
