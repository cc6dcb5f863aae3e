// Calendar dates as the records store them. A pattern alone lets `2025-02-30` and `9999-99-99`
// through; these check that the day exists. One implementation for the record validators, the
// entry forms, the importer and the command line.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;

/** Whether `YYYY-MM-DD` names a day that exists. `isRealDate('2024-02-29') === true`, `isRealDate('2025-02-30') === false` */
export function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  if (month < 1 || month > 12 || d < 1) return false;
  return d <= daysInMonth(y, month);
}

/** Whether an ISO time in UTC (`2025-11-01T08:00:00.000Z`) names a real day and a real time of day. */
export function isRealIsoTime(s: string): boolean {
  const m = ISO_TIME.exec(s);
  if (!m) return false;
  return isRealDate(m[1]!) && Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4]) <= 59;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Dates and times as the app shows them, whatever the system locale: 2025-11-21 and 2025-11-21 09:30:05.
const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as local `YYYY-MM-DD HH:mm:ss`; the text itself when it is not a time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
