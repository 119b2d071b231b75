import { NotBuilt } from '../../components/NotBuilt';

/** Being written (issue 13). */
export function ContractsScreen() {
  return <NotBuilt screen="nav.contracts" />;
}
