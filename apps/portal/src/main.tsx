import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n.ts';
import { App } from './app.tsx';

await setupI18n();
createRoot(document.getElementById('root')!).render(<App />);
