package org.rapporteur.contribution;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapporteur.platform.security.Actor;
import org.rapporteur.workspace.GroupAccess;

/**
 * Who may put a new file under a contribution's number: its submitter, a person whose account
 * e-mail is named in its contacts, or those who run the group (chairs, vice-chairs, secretariat).
 * Contacts are free text ("Awa Diop &lt;awa@artp.sn&gt;"); only the e-mail addresses in them count,
 * because a name can be registered by anyone and an account's e-mail address cannot be shared.
 */
final class RevisionAuthors {
  private static final Pattern EMAIL = Pattern.compile("[^\\s<>,;()\"']+@[^\\s<>,;()\"']+");

  private RevisionAuthors() {}

  static boolean mayRevise(Contribution contribution, GroupAccess access) {
    Actor actor = access.actor();
    if (!actor.signedIn()) {
      return false;
    }
    return actor.userId().equals(contribution.createdBy())
        || access.canManage()
        || namedInContacts(contribution, actor.email());
  }

  private static boolean namedInContacts(Contribution contribution, String email) {
    if (email == null) {
      return false;
    }
    for (String contact : contribution.contacts()) {
      Matcher m = EMAIL.matcher(contact);
      while (m.find()) {
        if (m.group().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }
}
