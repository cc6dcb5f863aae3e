import { Image, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OpinionImage } from '#shared/model/opinion-images';
import type { Opinion } from '#shared/model/types';
import { fromBase64 } from '#shared/util/base64';
import { useWorkbench } from '../../app/workbench-context';

type Loaded = { kind: 'loading' } | { kind: 'none' } | { kind: 'shown'; image: OpinionImage; url: string };

/**
 * 原件: the picture of the paper-form cell an opinion was read from, with its file, page, table row
 * and column, for checking the opinion against the paper. Read from the database only when shown
 * (one record by opinion), never with the lists.
 */
export function PaperOriginal({ opinionId }: { opinionId: string }) {
  const { repos } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    let url: string | undefined;
    setLoaded({ kind: 'loading' });
    repos.getOpinionImage(opinionId).then(
      (image) => {
        const bytes = image ? fromBase64(image.png) : undefined;
        if (!live) return;
        if (!image || !bytes) return setLoaded({ kind: 'none' });
        url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'image/png' }));
        setLoaded({ kind: 'shown', image, url });
      },
      (e: unknown) => {
        console.warn('[original] reading the picture failed', e);
        if (live) setLoaded({ kind: 'none' });
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [repos, opinionId]);

  if (loaded.kind === 'loading') return <Spin size="small" />;
  if (loaded.kind === 'none') {
    return (
      <Typography.Text type="secondary" data-testid="paper-original-missing">
        这条意见导入时没有保存原件图像。
      </Typography.Text>
    );
  }
  const { image, url } = loaded;
  const where = `${image.file} 第${image.page}页 · 表格第 ${image.row} 行 · 第${image.column}栏`;
  return (
    <div className="paper-original" data-testid="paper-original">
      <div style={{ marginBottom: 4 }}>
        <Typography.Text strong>原件</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }} data-testid="paper-original-where">
          {where}
        </Typography.Text>
      </div>
      <Image src={url} alt={`原件：${where}`} width="100%" style={{ border: '1px solid #e5e5e5', background: '#fff' }} preview={{ cover: '放大查看' }} />
    </div>
  );
}

/** The 原件 of a listed opinion beside the text as it was checked and stored. */
export function PaperOriginalModal({ opinion, onClose }: { opinion: Opinion | undefined; onClose: () => void }) {
  return (
    <Modal open={opinion !== undefined} title="核对原件" footer={null} width={760} onCancel={onClose} destroyOnHidden>
      {opinion && (
        <>
          <PaperOriginal opinionId={opinion.id} />
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            <Typography.Text type="secondary">录入的意见：</Typography.Text>
            <span data-testid="paper-original-text">{opinion.content}</span>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
