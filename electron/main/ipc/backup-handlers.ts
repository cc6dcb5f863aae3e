import type { BackupFolder } from '../backup/backup-folder';
import type { BackupScheduler } from '../backup/scheduler';
import { IpcFailure, type Handlers } from './dispatch';

type BackupChannels = 'backup:submit' | 'backup:store' | 'backup:list' | 'backup:read';

/** The backup channels: the page's answers to main's requests, backups it hands over, the list, and reading one back. */
export function backupHandlers<Ctx>(folder: BackupFolder, scheduler: BackupScheduler): Pick<Handlers<Ctx>, BackupChannels> {
  return {
    'backup:submit': async (request) => {
      if (!scheduler.receive(request)) throw new IpcFailure('bad-request', '没有等待中的备份请求');
      return null;
    },
    'backup:store': async (request) => {
      const outcome = await folder.write(request.data, request.reason);
      if (!outcome.written) throw new IpcFailure('internal', '备份未写入');
      return { name: outcome.name, path: outcome.path };
    },
    'backup:list': async () => ({ folder: folder.dir, backups: await folder.list() }),
    'backup:read': (request) => folder.read(request.name),
  };
}
