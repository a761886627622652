import { Link } from 'react-router';
import { paths } from '@/app/paths';

export function NotFoundRoute() {
  return (
    <div className="not-found">
      <title>Not found · Claimdesk</title>
      <h1>Page not found</h1>
      <p>
        <Link to={paths.library}>Go to the library</Link>
      </p>
    </div>
  );
}
