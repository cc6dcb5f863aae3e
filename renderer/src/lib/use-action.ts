import { App } from 'antd';
import { createElement, useCallback } from 'react';
import { describeError, errorDetails } from './errors';

/**
 * Runs a write and reports the outcome: a short success message, or the Chinese reason it was
 * refused (with every problem listed). Returns the result, or undefined when it failed.
 */
export function useAction() {
  const { message, modal } = App.useApp();
  return useCallback(
    async <T,>(work: () => Promise<T>, success?: string | ((result: T) => string)): Promise<T | undefined> => {
      try {
        const result = await work();
        if (success) void message.success(typeof success === 'function' ? success(result) : success);
        return result;
      } catch (e) {
        const details = errorDetails(e);
        if (details.length > 1) {
          modal.error({
            title: describeError(e),
            width: 560,
            content: createElement('ul', { style: { maxHeight: 320, overflow: 'auto', paddingLeft: 20 } }, ...details.map((d, i) => createElement('li', { key: i }, d))),
          });
        } else {
          void message.error(describeError(e), 6);
        }
        if (!(e instanceof Error && e.name === 'UserError')) console.error(e);
        return undefined;
      }
    },
    [message, modal],
  );
}
