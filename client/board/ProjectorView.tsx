import { useTranslation } from 'react-i18next'
import { BoardCanvas } from '../flow/BoardCanvas.js'
import { ChairButton } from '../panels/ChairButton.js'
import { ConnectionBadge } from '../panels/ConnectionBadge.js'
import { AgendaControl } from '../session/AgendaControl.js'
import { PrivateModeControl } from '../session/PrivateModeControl.js'
import { TimerControl } from '../session/TimerControl.js'
import { VotingResults, useRevealedRound } from '../session/VotingResults.js'
import { VotingControl } from '../session/VotingControl.js'
import type { BoardInfo, BoardLinks } from '../sync/api.js'
import type { ConnectionStatus } from '../sync/useBoardConnection.js'
import { JourneyOf } from '../ui/JourneyOf.js'
import { QrCode } from '../ui/QrCode.js'
import { useBoard } from './BoardContext.js'
import { ProjectorFocus } from './ProjectorFocus.js'
import { ProjectorRanking } from './ProjectorRanking.js'

const NOTHING: ReadonlySet<string> = new Set()
/** The QR column lies over the canvas' right edge: a board narrower than the screen is centred on all of it, beside the column. */
const QR_COLUMN_WIDTH = 280
/** A revealed voting round's ranking takes the QR column's place, wider: long names in large type. */
const RESULTS_COLUMN_WIDTH = 480

/**
 * Projector mode: the live board full screen, read-only, no editing chrome,
 * large type; whose journey it shows, the agenda step, the timer, the voting round, who speaks as the customer and a QR
 * code of the edit (or view) link so people in the room can scan and join (`links`: kept fresh by LiveBoard when a link
 * is replaced; a card in focus, ProjectorFocus, or during the Rank step the room's influence ranking, ProjectorRanking, takes its place). Follows the facilitator's view, persona and view mode. While the connection is down it says so, so the
 * room does not take a stale board for the live one.
 */
export function ProjectorView({ info, links, status }: { info: BoardInfo; links: BoardLinks; status: ConnectionStatus }) {
  const { t } = useTranslation()
  const { board, personaId, session: { session } } = useBoard()
  const persona = board.personas.find((p) => p.id === personaId)
  const link = session.projectorQr === 'view' ? links.view : links.edit
  const results = useRevealedRound() !== null
  // In the QR column's place, first that applies: a revealed round's results, the card in focus (its factor matrix), the
  // room's ranking while it ranks.
  const focus = !results && session.focusTouchpointId && board.touchpoints.some((tp) => tp.id === session.focusTouchpointId) ? session.focusTouchpointId : null
  const ranking = !results && !focus && session.agenda.step === 'rank'
  const column = results || focus || ranking ? RESULTS_COLUMN_WIDTH : link ? QR_COLUMN_WIDTH : 0
  return (
    <div className="projector" data-testid="projector">
      <header className="projector__head">
        <h1 dir="auto">{board.meta.title || info.title}</h1>
        {persona && <JourneyOf persona={persona} />}
        <AgendaControl large />
        <VotingControl projector />
        <PrivateModeControl projector />
        <TimerControl large />
        <ChairButton variant="projector" />
        {status !== 'connected' && <ConnectionBadge status={status} readOnly />}
      </header>
      <div className="projector__body">
        <BoardCanvas selection={NOTHING} onSelect={() => undefined} onOpen={() => undefined} projector reserveRight={column} />
        {results && <VotingResults variant="projector" />}
        {focus && <ProjectorFocus touchpointId={focus} />}
        {ranking && <ProjectorRanking />}
        {link && !results && !focus && !ranking && (
          <aside className="projector__join" style={{ width: QR_COLUMN_WIDTH }}>
            <QrCode value={link} label={t('projector.scan')} />
            <strong>{t('projector.scan')}</strong>
            <span>{t(session.projectorQr === 'view' ? 'projector.watch' : 'projector.join')}</span>
          </aside>
        )}
      </div>
    </div>
  )
}
