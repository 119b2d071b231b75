import { NotBuilt } from '../../components/NotBuilt';

/** Being written (issue 13). */
export function AcopioScreen() {
  return <NotBuilt screen="nav.acopio" />;
}
