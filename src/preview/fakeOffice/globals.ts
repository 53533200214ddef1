// Side effect module: evaluated before the task pane entry (ES modules run in import order).
import { installFakeOffice } from './install';

installFakeOffice();
