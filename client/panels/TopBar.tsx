import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_TITLE_LENGTH, setBoardTitle } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { InlineText } from '../flow/InlineText.js'
import type { BoardInfo } from '../sync/api.js'
import type { ConnectionStatus } from '../sync/useBoardConnection.js'
import { ExportMenu } from '../export/ExportMenu.js'
import { FindTouchpoints } from './FindTouchpoints.js'
import { ConnectionBadge } from './ConnectionBadge.js'
import { LanguageSwitch } from './LanguageSwitch.js'
import { Logo } from './Logo.js'
import { PresenceList } from './PresenceList.js'
import type { SidePanelKind } from './SidePanel.js'
import { Icon } from '../ui/Icon.js'
import { chooseView } from '../phone/useIsPhone.js'

interface Props {
  info: BoardInfo
  status: ConnectionStatus
  undo: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean }
  onShare: () => void
  panel: SidePanelKind | null
  onPanel: (kind: SidePanelKind) => void
  /** A narrow screen showing the full board: it offers the phone view back. */
  narrow?: boolean
}

export function TopBar({ info, status, undo, onShare, panel, onPanel, narrow = false }: Props) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board } = useBoard()
  const [editing, setEditing] = useState(false)
  return (
    <header className="topbar">
      <Logo compact />
      {/* The page's one heading of level 1. */}
      <h1 className="topbar__heading">
        <InlineText className="topbar__title" testId="board-title" value={board.meta.title || info.title} readOnly={readOnly} clamped
          title={t('grid.rename')} fieldLabel={t('grid.boardTitle')} editing={editing} onEditingChange={setEditing} maxLength={MAX_TITLE_LENGTH}
          onCommit={(title) => setBoardTitle(doc, title, origin)} />
      </h1>
      <span className={`role-chip role-chip--${info.role}`} data-testid="role" title={t(`roleHint.${info.role}`)}>{t(`role.${info.role}`)}</span>
      <ConnectionBadge status={status} readOnly={readOnly} />
      <div className="topbar__spacer" />
      {!readOnly && (
        <div className="topbar__group">
          <button type="button" className="button button--icon" data-testid="undo" title={t('toolbar.undo')} aria-label={t('toolbar.undo')}
            disabled={!undo.canUndo} onClick={undo.undo}>↶</button>
          <button type="button" className="button button--icon" data-testid="redo" title={t('toolbar.redo')} aria-label={t('toolbar.redo')}
            disabled={!undo.canRedo} onClick={undo.redo}>↷</button>
        </div>
      )}
      <div className="topbar__group">
        <FindTouchpoints />
        <button type="button" className={`button${panel === 'priority' ? ' is-active' : ''}`} data-testid="open-priority"
          aria-pressed={panel === 'priority'} onClick={() => onPanel('priority')}>▲ {t('priority.short')}</button>
        <button type="button" className={`button${panel === 'backlog' ? ' is-active' : ''}`} data-testid="open-backlog"
          aria-pressed={panel === 'backlog'} onClick={() => onPanel('backlog')}>✦ {t('backlog.short')}</button>
        <button type="button" className={`button${panel === 'history' ? ' is-active' : ''}`} data-testid="open-history"
          aria-pressed={panel === 'history'} onClick={() => onPanel('history')}><Icon name="history" /> {t('history.short')}</button>
      </div>
      <ExportMenu />
      <PresenceList />
      <LanguageSwitch />
      <button type="button" className="button button--primary" data-testid="share" onClick={onShare}>{t('toolbar.share')}</button>
      {narrow && (
        <button type="button" className="button" data-testid="view-switch" data-view="phone" title={t('layout.phoneViewHint')}
          onClick={() => chooseView('phone')}><Icon name="phone" /> {t('layout.phoneView')}</button>
      )}
    </header>
  )
}
