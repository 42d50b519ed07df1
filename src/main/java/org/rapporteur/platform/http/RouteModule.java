package org.rapporteur.platform.http;

import io.vertx.ext.web.Router;

/** A feature's routes, mounted by the composition root between the platform's front and back handlers. */
public interface RouteModule {
  void mount(Router router);
}
