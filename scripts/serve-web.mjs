// npm run serve: the built app as a web page on http://127.0.0.1:5174/ (npm run web builds first).
import { fileURLToPath } from 'node:url';
import { startWebServer } from './web-server.mjs';

const root = fileURLToPath(new URL('../out/renderer', import.meta.url));
const port = Number(process.env.PORT ?? 5174);
try {
  const { url } = await startWebServer({ root, port });
  console.log(`民主生活会征求意见工作台（网页版）：${url}`);
  console.log('数据保存在该浏览器的本地存储中。按 Ctrl+C 停止。');
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
