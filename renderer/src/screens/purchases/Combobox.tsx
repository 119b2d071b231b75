import { useId, useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from 'react';

export interface ComboOption {
  id: number;
  label: string;
  /** Shown after the label in the list only (RUC, unit, stock). */
  detail?: string | undefined;
}

interface ComboboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onSelect'> {
  /** The text in the box. */
  text: string;
  onTextChange(text: string): void;
  /** The options that match the text (the caller filters: accents and case ignored). */
  options: readonly ComboOption[];
  onPick(option: ComboOption): void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A text box with a list of matches under it (ARIA 1.2 combobox): arrows move, Enter picks the
 * highlighted match, Escape closes the list. Free text that picks nothing stays as typed (a
 * purchase line's concept), so the caller decides what an unpicked text means.
 */
export function Combobox({ text, onTextChange, options, onPick, ref, onKeyDown, ...inputProps }: ComboboxProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const showing = open && options.length > 0;
  const pick = (option: ComboOption) => {
    setOpen(false);
    onPick(option);
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, options.length - 1));
      return;
    }
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
      return;
    }
    if (event.key === 'Enter' && showing) {
      const option = options[Math.min(active, options.length - 1)];
      if (option) {
        event.preventDefault();
        pick(option);
        return;
      }
    }
    if (event.key === 'Escape' && showing) {
      event.stopPropagation();
      setOpen(false);
      return;
    }
    onKeyDown?.(event);
  };
  const activeOption = showing ? options[Math.min(active, options.length - 1)] : undefined;
  return (
    <div className="combobox">
      <input
        {...inputProps}
        ref={ref}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value);
          setActive(0);
          setOpen(event.target.value.trim() !== '');
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={keyDown}
      />
      {showing && (
        <ul className="combobox__list" role="listbox" id={listId}>
          {options.map((option) => (
            <li key={option.id} id={`${listId}-${option.id}`} role="option" aria-selected={option === activeOption}
              className={option === activeOption ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault(); // keep focus in the box
                pick(option);
              }}>
              {option.label}{option.detail && <span className="combobox__detail"> — {option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Options whose words contain the folded text, best first: those that start with it. */
export function matchOptions<T>(items: readonly T[], typed: string, words: (item: T) => string, fold: (text: string) => string, max = 20): T[] {
  const wanted = fold(typed.trim());
  if (!wanted) return items.slice(0, max);
  const scored = items.map((item) => ({ item, words: fold(words(item)) })).filter((entry) => entry.words.includes(wanted));
  scored.sort((a, b) => Number(b.words.startsWith(wanted)) - Number(a.words.startsWith(wanted)));
  return scored.slice(0, max).map((entry) => entry.item);
}
