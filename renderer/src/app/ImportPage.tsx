import { FileExcelOutlined, ScanOutlined } from '@ant-design/icons';
import { Segmented, Space } from 'antd';
import { useState } from 'react';
import { ImportTab } from '../features/import/ImportTab';
import { PaperFormsTab } from '../features/paper-forms/PaperFormsTab';

type Source = 'spreadsheet' | 'paper';

/**
 * The meeting's 导入 tab: opinions from spreadsheets, or from paper forms (scans and photos read
 * offline). Paper forms are mounted when first chosen; then both sides stay mounted, so a
 * recognition under way or a preview being checked survives a look at the other side.
 */
export function ImportPage() {
  const [source, setSource] = useState<Source>('spreadsheet');
  const [paperOpened, setPaperOpened] = useState(false);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Segmented<Source>
        aria-label="导入来源"
        value={source}
        onChange={(value) => {
          setSource(value);
          if (value === 'paper') setPaperOpened(true);
        }}
        options={[
          { value: 'spreadsheet', label: '表格文件（Excel、WPS、CSV、Word 表格）', icon: <FileExcelOutlined /> },
          { value: 'paper', label: '纸质征求意见表（扫描件、照片）', icon: <ScanOutlined /> },
        ]}
      />
      <div hidden={source !== 'spreadsheet'}>
        <ImportTab />
      </div>
      {paperOpened && (
        <div hidden={source !== 'paper'}>
          <PaperFormsTab />
        </div>
      )}
    </Space>
  );
}
