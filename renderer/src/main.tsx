import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { WorkbenchProvider } from './app/workbench-context';
import { applyClockFromAddress } from './lib/test-clock';
import './styles.css';

applyClockFromAddress();

const theme = {
  token: {
    colorPrimary: '#1d4e89',
    borderRadius: 4,
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp message={{ maxCount: 1, duration: 2, top: 6 }}>
        <ErrorBoundary>
          <WorkbenchProvider>
            <App />
          </WorkbenchProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
