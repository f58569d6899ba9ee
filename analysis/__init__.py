"""newsframe: how news frames the people and institutions it reports on."""
