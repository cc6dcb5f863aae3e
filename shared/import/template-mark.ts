// How an import template says which meeting it was made for: a mark in the workbook's keywords,
// written by template.ts and read back by read-workbook.ts (which must not load ExcelJS).
export const TEMPLATE_MARK = 'mzsh-import-template';

/** The keywords of a template for the meeting. */
export function templateKeywords(meetingId: string): string {
  return `${TEMPLATE_MARK};meeting=${meetingId}`;
}

/** The meeting a workbook's keywords name, if they are a template's. */
export function templateMeeting(keywords: string): string | undefined {
  const m = new RegExp(`${TEMPLATE_MARK};meeting=([0-9a-f-]{36})`, 'i').exec(keywords);
  return m ? m[1]!.toLowerCase() : undefined;
}
