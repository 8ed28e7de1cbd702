import { BoardPage } from './board/BoardPage.js'
import { StartPage } from './start/StartPage.js'

/** Two pages: the start page at `/` and a board at `/b/<id>#token=…`. */
export function App() {
  return window.location.pathname.startsWith('/b/') ? <BoardPage /> : <StartPage />
}
