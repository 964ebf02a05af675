import { NotFoundView } from '@/app/_components/not-found-view';

export default function NotFound() {
  return <NotFoundView />;
}
