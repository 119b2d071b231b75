import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { MemberView } from '../../../../shared/operations/members';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { positiveId } from '../../format/params';
import { todayIso } from '../../format/format';
import { MemberFigures } from '../statement/MemberFigures';
import { StatementBalance, StatementTable } from '../statement/StatementTable';
import { MemberAcopio } from '../acopio/MemberAcopio';
import '../statement/statement.css';
import './lookup.css';

/*
 * Consulta de socio: a member types their DNI on the treasurer's laptop and sees their own
 * estado de cuenta, and nothing else of the association (no menu, no links, no other member).
 *
 * This is a courtesy screen, NOT a security boundary: the engine behind it protects nothing
 * (anyone at this laptop can open every screen, and a DNI is no secret). It only keeps the
 * screen a member looks at free of other members' data and of the treasurer's tools.
 */
export function MemberLookupScreen() {
  const t = useT();
  const { associationId: param } = useParams();
  const associationId = positiveId(param ?? null);
  if (associationId === null) {
    return (
      <main className="lookup" id="content">
        <h1>{t('lookup.title')}</h1>
        <ErrorAlert message={t('lookup.badLink')} />
        <div className="actions">
          <Link className="button" to="/">{t('lookup.back')}</Link>
        </div>
      </main>
    );
  }
  return <Lookup key={associationId} associationId={associationId} />;
}

const DNI = /^\d{8}$/;

/**
 * Leave the consulta for the screen it was opened from (the association's screens or the
 * welcome screen); opened directly, e.g. from a bookmark, it leads to the association's inicio.
 * Escape does the same, so the treasurer never needs the mouse to take the laptop back.
 */
function useLeaveLookup(associationId: number): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  // 'default' is the key of the first page the router saw: there is nothing behind it.
  const openedFromApp = location.key !== 'default';
  const leave = useCallback(() => {
    if (openedFromApp) void navigate(-1);
    else void navigate(`/a/${associationId}/inicio`);
  }, [associationId, navigate, openedFromApp]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) leave();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [leave]);
  return leave;
}

/** "Volver", always at the top, beside the association's name. */
function LeaveButton({ onLeave }: { onLeave(): void }) {
  const t = useT();
  return (
    <button type="button" className="lookup__back" onClick={onLeave} aria-keyshortcuts="Escape" title={t('lookup.backHint')}>
      <span aria-hidden="true">← </span>{t('lookup.back')}
    </button>
  );
}

const IDLE_CLEAR_MS = 3 * 60 * 1000;

function Lookup({ associationId }: { associationId: number }) {
  const t = useT();
  const association = useOperation('getAssociation', { associationId });
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | undefined>();
  const [dni, setDni] = useState<string | null>(null);
  const members = useOperation('listMembers', { associationId, search: dni ?? '' }, { enabled: dni !== null });
  // Only an exact DNI match counts: the search also finds names and partial numbers.
  const member = dni === null ? undefined : members.data?.members.find((m) => m.dni === dni);
  const associationName = association.data?.name ?? '';
  const leave = useLeaveLookup(associationId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = text.replace(/\s+/g, '');
    if (!DNI.test(typed)) {
      setDni(null);
      setInputError(t('lookup.dniInvalid'));
      return;
    }
    setInputError(undefined);
    setDni(typed);
  };
  const reset = () => {
    setText('');
    setDni(null);
    setInputError(undefined);
  };

  // The next person at the laptop should not find the last member's statement on screen.
  useEffect(() => {
    if (dni === null) return;
    const timer = setTimeout(reset, IDLE_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [dni]);

  const notFound = dni !== null && members.isSuccess && !member;
  return (
    <main className="lookup" id="content">
      <header className="lookup__header">
        <LeaveButton onLeave={leave} />
        {associationName && <div className="lookup__association">{associationName}</div>}
        <h1>{t('lookup.title')}</h1>
      </header>
      <ErrorAlert message={association.error?.message ?? members.error?.message} />
      {member ? (
        <LookupStatement associationId={associationId} member={member} onReset={reset} />
      ) : (
        <>
          <p className="lookup__lead">{t('lookup.lead')}</p>
          <form className="lookup__form" onSubmit={submit} noValidate>
            <Field label={t('lookup.dni')} hint={t('lookup.dniHint')} error={inputError}>
              <input
                type="text" inputMode="numeric" autoComplete="off" maxLength={12} autoFocus className="lookup__dni"
                value={text} onChange={(event) => setText(event.target.value)}
              />
            </Field>
            <button type="submit" className="button--primary">{t('lookup.submit')}</button>
          </form>
          {dni !== null && members.isPending && <p className="loading">{t('lookup.searching')}</p>}
          {notFound && (
            <>
              <p className="notice lookup__not-found" role="status">{t('lookup.notFound', { association: associationName })}</p>
              <div className="actions">
                <button type="button" onClick={reset}>{t('lookup.another')}</button>
              </div>
            </>
          )}
        </>
      )}
    </main>
  );
}

/** The member's closing balance in big figures, then every movement; "Consultar otro DNI" makes way for the next member. */
function LookupStatement({ associationId, member, onReset }: { associationId: number; member: MemberView; onReset(): void }) {
  const t = useT();
  const statement = useOperation('memberStatement', { associationId, memberId: member.id });
  // Owed, overdue and credit from the engine's one position: the same figures the treasurer sees in Cobrar.
  const position = useOperation('memberPosition', { associationId, memberId: member.id, asOf: todayIso() });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const data = statement.data;
  return (
    <section className="lookup__result" aria-labelledby="lookup-member">
      <h2 id="lookup-member" ref={heading} tabIndex={-1} data-testid="lookup-member">{member.fullName}</h2>
      <p className="statement__dni">{t('statement.dni', { dni: member.dni ?? '' })}</p>
      <div className="actions">
        <button type="button" className="button--primary" onClick={onReset}>{t('lookup.another')}</button>
      </div>
      <ErrorAlert message={statement.error?.message ?? position.error?.message} />
      {(statement.isPending || position.isPending) && <p className="loading">{t('app.loading')}</p>}
      {data && position.data && (
        <>
          <StatementBalance statement={data} />
          <MemberFigures position={position.data} />
          <h3 id="lookup-movements">{t('lookup.movements')}</h3>
          <div className="statement__table">
            <StatementTable statement={data} labelledBy="lookup-movements" />
          </div>
          <MemberAcopio associationId={associationId} memberId={member.id} from={null} to={null} />
          <div className="actions">
            <button type="button" onClick={onReset}>{t('lookup.another')}</button>
          </div>
        </>
      )}
    </section>
  );
}
