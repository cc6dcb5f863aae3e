import type { FormInstance } from 'antd';

/**
 * The form's values, or undefined when a field is invalid (the form already shows why). antd's
 * validateFields rejects on invalid input; awaited bare in a click or onOk handler, that rejection
 * became an unhandled one (`pageerror: Object`). Other errors are thrown on.
 */
export async function validFields<T>(form: FormInstance<T>): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch (e: unknown) {
    if (typeof e === 'object' && e !== null && 'errorFields' in e) return undefined;
    throw e;
  }
}
