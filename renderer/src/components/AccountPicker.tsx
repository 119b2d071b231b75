import { useId, useMemo, useState, type InputHTMLAttributes, type Ref } from 'react';
import type { AccountView } from '../../../shared/results';
import { foldText } from '../../../shared/text';

const MAX_OPTIONS = 50;

/** Accounts whose code starts with the text, or whose name contains it (accents and case ignored). */
export function matchAccounts(accounts: readonly AccountView[], text: string): AccountView[] {
  const term = text.trim();
  if (!term) return accounts.slice(0, MAX_OPTIONS);
  const folded = foldText(term);
  return accounts
    .filter((a) => a.code.startsWith(term) || foldText(a.name).includes(folded) || foldText(`${a.code} ${a.name}`).startsWith(folded))
    .slice(0, MAX_OPTIONS);
}

export const accountLabel = (account: AccountView) => `${account.code} ${account.name}`;

interface AccountPickerProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  accounts: readonly AccountView[];
  value: number | null;
  onChange(accountId: number | null): void;
  ref?: Ref<HTMLInputElement>;
}

/** A combobox (ARIA 1.2): type a code or a name, pick with the arrows and Enter, or with the mouse. */
export function AccountPicker({ accounts, value, onChange, ref, ...inputProps }: AccountPickerProps) {
  const listId = useId();
  const selected = accounts.find((a) => a.id === value) ?? null;
  const [text, setText] = useState<string | null>(null); // null: show the selected account's label
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => matchAccounts(accounts, text ?? ''), [accounts, text]);

  const choose = (account: AccountView) => {
    onChange(account.id);
    setText(null);
    setOpen(false);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open) {
      const option = options[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      setText(null);
    }
  };
  const activeOption = open ? options[active] : undefined;
  return (
    <div className="combobox">
      <input
        {...inputProps}
        ref={ref}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        value={text ?? (selected ? accountLabel(selected) : '')}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (event.target.value.trim() === '') onChange(null);
        }}
        onFocus={(event) => event.target.select()}
        onBlur={() => {
          setOpen(false);
          setText(null);
        }}
        onKeyDown={onKeyDown}
      />
      {open && options.length > 0 && (
        <ul className="combobox__list" role="listbox" id={listId}>
          {options.map((account, index) => (
            <li
              key={account.id}
              id={`${listId}-${account.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault(); // keep focus in the input
                choose(account);
              }}
            >
              <span className="code">{account.code}</span> {account.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
