import { createRoot } from 'react-dom/client'
import '@xyflow/react/dist/style.css'
import './styles.css'
import i18next from './i18n/index.js'
import { App } from './App.js'
import { registerOfflineApp } from './sync/offlineApp.js'

document.documentElement.lang = i18next.language
createRoot(document.getElementById('root') as HTMLElement).render(<App />)
registerOfflineApp()
