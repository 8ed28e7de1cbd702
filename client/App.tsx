import { useTranslation } from 'react-i18next'
import { BoardPage } from './board/BoardPage.js'
import { Notice } from './board/Notice.js'
import { StartPage } from './start/StartPage.js'

/**
 * Two pages: the start page at `/` and a board at `/b/<id>#token=…`. Any other address (a mistyped or cut link) is
 * served the app too, with a 404 status: it says so in the browser's language and links to the start page.
 */
export function App() {
  const path = window.location.pathname
  if (path.startsWith('/b/')) return <BoardPage />
  if (path === '/' || path === '/index.html') return <StartPage />
  return <PageNotFound />
}

function PageNotFound() {
  const { t } = useTranslation()
  return <Notice message={t('errors.pageNotFound')} />
}
